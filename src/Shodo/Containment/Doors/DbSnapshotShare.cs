using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// A manual RDS DB snapshot — or, with <paramref name="cluster"/>, an Aurora DB cluster snapshot — whose <c>restore</c>
/// attribute lets outside accounts (or <c>all</c>: anyone) restore a full copy of the database. Closed with
/// ModifyDBSnapshotAttribute (ModifyDBClusterSnapshotAttribute) removing every value the attribute holds when
/// applying (a re-share after planning is caught too); re-opened by adding back exactly the values it held before.
/// </summary>
public sealed class DbSnapshotShare(bool cluster = false) : IDataDoor
{
    private string IdField => cluster ? "dbClusterSnapshotIdentifier" : "dbSnapshotIdentifier";

    public string Kind => cluster ? TargetKinds.DbClusterSnapshot : TargetKinds.DbSnapshot;

    public IReadOnlyList<AwsOperation> Operations => cluster
        ? [RdsOperations.DescribeDBClusterSnapshotAttributes, RdsOperations.ModifyDBClusterSnapshotAttribute]
        : [RdsOperations.DescribeDBSnapshotAttributes, RdsOperations.ModifyDBSnapshotAttribute];

    public string HowToReverse => "shodo rollback shares the snapshot again with exactly the accounts it was shared with before";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        var rds = c.Aws.Rds(t.Region);
        var restorableBy = cluster
            ? await rds.FindAsync(new DescribeDBClusterSnapshotAttributes(t.Id), ct, "DBClusterSnapshotNotFoundFault").ConfigureAwait(false)
            : (await rds.FindAsync(new DescribeDBSnapshotAttributes(t.Id), ct, "DBSnapshotNotFound").ConfigureAwait(false))?.RestorableBy;
        if (restorableBy is null) return new JsonObject { ["exists"] = false, [IdField] = t.Id, ["region"] = t.Region };
        return new JsonObject
        {
            ["exists"] = true, [IdField] = t.Id, ["region"] = t.Region,
            ["restore"] = new JsonArray(restorableBy.Select(a => (JsonNode)a!).ToArray()),
        };
    }

    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        state["restore"] is JsonArray restore ? restore.Select(v => (string)v!).ToList() : [];

    public string ExpectedAfter(PlannedAction a) =>
        $"{(cluster ? "DB cluster snapshot" : "DB snapshot")} {a.Target.Id} can be restored by no other account (its restore attribute is empty; listed at apply time)";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var remove = OpenTo(state);
        if (remove.Count == 0) return;
        await ModifyAsync(c, a, [], remove, ct).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var add = OpenTo(before).Except(OpenTo(state), StringComparer.Ordinal).ToList();
        if (add.Count == 0) return;
        await ModifyAsync(c, a, add, [], ct).ConfigureAwait(false);
    }

    private async Task ModifyAsync(ContainmentContext c, PlannedAction a, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken ct)
    {
        var rds = c.Aws.Rds(a.Target.Region);
        if (cluster) await rds.SendAsync(new ModifyDBClusterSnapshotAttribute(a.Target.Id, add, remove), ct).ConfigureAwait(false);
        else await rds.SendAsync(new ModifyDBSnapshotAttribute(a.Target.Id, add, remove), ct).ConfigureAwait(false);
        var request = new JsonObject { [IdField] = a.Target.Id, ["attributeName"] = ModifyDBSnapshotAttribute.Restore };
        if (add.Count > 0) request["valuesToAdd"] = new JsonArray(add.Select(v => (JsonNode)v!).ToArray());
        if (remove.Count > 0) request["valuesToRemove"] = new JsonArray(remove.Select(v => (JsonNode)v!).ToArray());
        await c.ChangedAsync(a, cluster ? RdsOperations.ModifyDBClusterSnapshotAttribute : RdsOperations.ModifyDBSnapshotAttribute, request)
            .ConfigureAwait(false);
    }
}
