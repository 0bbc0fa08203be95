using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Evidence.Snapshot;

/// <summary>
/// A stored answer (or a part of one) that the snapshot could not read: which call, where, which evidence
/// blob, and why. The state it would have shown is unknown, and everything built on the snapshot says so.
/// </summary>
public sealed record SnapshotGap(string Service, string Operation, string? Region, string Evidence, string Reason)
{
    public static SnapshotGap Of(EvidenceRecord record, string reason) =>
        new(record.Service, record.Operation, record.Region, record.Sha256, reason);

    /// <summary>Where the gap is, as one name: <c>evidence iam:ListUsers</c> (with the region when there is one).</summary>
    public string Source => $"evidence {Service}:{Operation}" + (Region is null ? "" : $" ({Region})");

    public JsonObject ToJson() => new()
    {
        ["service"] = Service, ["operation"] = Operation, ["region"] = Region, ["evidence"] = Evidence, ["reason"] = Reason,
    };
}
