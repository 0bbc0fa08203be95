using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// An EBS snapshot whose createVolumePermission lets outside accounts (or the group <c>all</c>: anyone) create a volume
/// — a copy of the disk — from it. Closed with ModifySnapshotAttribute removing every permission it holds when applying;
/// re-opened by adding back exactly the permissions it held before.
/// </summary>
public sealed class EbsSnapshotShare : IDataDoor
{
    private const string Attribute = "createVolumePermission", Public = "all";

    public string Kind => TargetKinds.EbsSnapshot;

    public IReadOnlyList<AwsOperation> Operations => [Ec2Operations.DescribeSnapshotAttribute, Ec2Operations.ModifySnapshotAttribute];

    public string HowToReverse => "shodo rollback gives back createVolumePermission to exactly the accounts (or all) that had it before";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        try
        {
            var answer = await c.Aws.Ec2(t.Region).DescribeSnapshotAttributeAsync(
                new DescribeSnapshotAttributeRequest { SnapshotId = t.Id, Attribute = Attribute }, ct).ConfigureAwait(false);
            var who = (answer.CreateVolumePermissions ?? []).Select(p => p.UserId ?? p.Group?.Value).OfType<string>();
            return new JsonObject
            {
                ["exists"] = true, ["snapshotId"] = t.Id, ["region"] = t.Region,
                [Attribute] = new JsonArray(who.Select(v => (JsonNode)v!).ToArray()),
            };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidSnapshot.NotFound")
        {
            return new JsonObject { ["exists"] = false, ["snapshotId"] = t.Id, ["region"] = t.Region };
        }
    }

    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        state[Attribute] is JsonArray who ? who.Select(v => (string)v!).ToList() : [];

    public string ExpectedAfter(PlannedAction a) =>
        $"EBS snapshot {a.Target.Id} gives no other account createVolumePermission (listed at apply time)";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var remove = OpenTo(state);
        if (remove.Count == 0) return;
        await c.Aws.Ec2(a.Target.Region).ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest
        {
            SnapshotId = a.Target.Id, Attribute = Attribute,
            CreateVolumePermission = new CreateVolumePermissionModifications { Remove = Permissions(remove) },
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifySnapshotAttribute, Request(a, "remove", remove)).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var add = OpenTo(before).Except(OpenTo(state), StringComparer.Ordinal).ToList();
        if (add.Count == 0) return;
        await c.Aws.Ec2(a.Target.Region).ModifySnapshotAttributeAsync(new ModifySnapshotAttributeRequest
        {
            SnapshotId = a.Target.Id, Attribute = Attribute,
            CreateVolumePermission = new CreateVolumePermissionModifications { Add = Permissions(add) },
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifySnapshotAttribute, Request(a, "add", add)).ConfigureAwait(false);
    }

    private static List<CreateVolumePermission> Permissions(IEnumerable<string> who) =>
        who.Select(w => w == Public ? new CreateVolumePermission { Group = Amazon.EC2.PermissionGroup.All } : new CreateVolumePermission { UserId = w })
            .ToList();

    private static JsonObject Request(PlannedAction a, string field, IReadOnlyList<string> values) => new()
    {
        ["snapshotId"] = a.Target.Id, ["attribute"] = Attribute,
        [field] = new JsonArray(values.Select(v => (JsonNode)v!).ToArray()),
    };
}
