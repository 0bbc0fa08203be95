using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// A manual RDS DB snapshot whose <c>restore</c> attribute lets outside accounts (or <c>all</c>: anyone) restore a
/// full copy of the database. Closed with ModifyDBSnapshotAttribute removing every value the attribute holds when
/// applying (a re-share after planning is caught too); re-opened by adding back exactly the values it held before.
/// </summary>
public sealed class DbSnapshotShare : IDataDoor
{
    public string Kind => TargetKinds.DbSnapshot;

    public IReadOnlyList<AwsOperation> Operations => [RdsOperations.DescribeDBSnapshotAttributes, RdsOperations.ModifyDBSnapshotAttribute];

    public string HowToReverse => "shodo rollback shares the snapshot again with exactly the accounts it was shared with before";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        var answer = await c.Aws.Rds(t.Region).FindAsync(new DescribeDBSnapshotAttributes(t.Id), ct, "DBSnapshotNotFound").ConfigureAwait(false);
        if (answer is null) return new JsonObject { ["exists"] = false, ["dbSnapshotIdentifier"] = t.Id, ["region"] = t.Region };
        return new JsonObject
        {
            ["exists"] = true, ["dbSnapshotIdentifier"] = t.Id, ["region"] = t.Region,
            ["restore"] = new JsonArray(answer.RestorableBy.Select(a => (JsonNode)a!).ToArray()),
        };
    }

    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        state["restore"] is JsonArray restore ? restore.Select(v => (string)v!).ToList() : [];

    public string ExpectedAfter(PlannedAction a) =>
        $"DB snapshot {a.Target.Id} can be restored by no other account (its restore attribute is empty; listed at apply time)";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var remove = OpenTo(state);
        if (remove.Count == 0) return;
        await c.Aws.Rds(a.Target.Region).SendAsync(new ModifyDBSnapshotAttribute(a.Target.Id, [], remove), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, RdsOperations.ModifyDBSnapshotAttribute, Request(a, "valuesToRemove", remove)).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var add = OpenTo(before).Except(OpenTo(state), StringComparer.Ordinal).ToList();
        if (add.Count == 0) return;
        await c.Aws.Rds(a.Target.Region).SendAsync(new ModifyDBSnapshotAttribute(a.Target.Id, add, []), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, RdsOperations.ModifyDBSnapshotAttribute, Request(a, "valuesToAdd", add)).ConfigureAwait(false);
    }

    private static JsonObject Request(PlannedAction a, string field, IReadOnlyList<string> values) => new()
    {
        ["dbSnapshotIdentifier"] = a.Target.Id, ["attributeName"] = ModifyDBSnapshotAttribute.Restore,
        [field] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()),
    };
}
