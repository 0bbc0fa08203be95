using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Aws.Safety;

/// <summary>
/// Writes every refusal of the never-delete interlock to the case journal (kind
/// <c>interlock.refused</c>) before the refusal reaches the caller, so a case shows every
/// destructive call that was attempted and stopped.
/// </summary>
public sealed class JournalRefusalSink(Journal journal) : IRefusalSink
{
    public void Record(RefusedCall call)
    {
        var data = new JsonObject
        {
            ["operation"] = call.Operation.Key,
            ["iamAction"] = call.Operation.IamAction,
            ["region"] = call.Region,
            ["at"] = call.At.ToUniversalTime().ToString("O"),
        };
        // The interlock is synchronous by design (it sits in SDK pipelines); the entry must be on
        // disk before the refusal is thrown, so wait for the durable append here.
        journal.AppendAsync(JournalKinds.InterlockRefused, data, call.Reason).GetAwaiter().GetResult();
    }
}
