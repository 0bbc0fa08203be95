using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Snapshots every EBS volume of an attacker instance at one point in time, before anything else
/// touches it, tagged with the case and action ids (the tag is how a re-run finds a snapshot already
/// taken). An instance without EBS volumes has nothing to snapshot. Snapshots are evidence: never
/// removed by a roll-back.
/// </summary>
public sealed class SnapshotVolumes : ContainmentAction
{
    public override string Name => "snapshot-volumes";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeInstances, Ec2Operations.DescribeSnapshots, Ec2Operations.CreateSnapshots];
    public override bool Reversible => false;
    public override string HowToReverse => "not reversed: the snapshots are evidence";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Instance];
    public override PlanOrder OrderFor(string targetKind) => new(3, 0);
    public override JsonObject? PlanFor(PlanningTarget t) => t.HasVolumes ? new() : null;
    public override string AuthorityClass(string targetKind) => "stop-instance";

    public override string ExpectedAfter(PlannedAction a) =>
        $"a snapshot of every EBS volume of {a.Target.Id}, tagged {ContainmentTags.Case}={a.Parameters["caseId"]}";

    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        var state = await InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: false, ct).ConfigureAwait(false);
        var answer = await c.Aws.Ec2(a.Target.Region).DescribeSnapshotsAsync(new DescribeSnapshotsRequest
        {
            OwnerIds = ["self"], Filters = [new Filter($"tag:{ContainmentTags.Action}", [a.Id])],
        }, ct).ConfigureAwait(false);
        state["snapshots"] = new JsonArray((answer.Snapshots ?? []).Select(s => (JsonNode)new JsonObject
        {
            ["snapshotId"] = s.SnapshotId, ["volumeId"] = s.VolumeId, ["state"] = s.State?.Value,
        }).ToArray());
        return state;
    }

    public override bool Holds(PlannedAction a, JsonObject state)
    {
        var volumes = InstanceRead.List(state, "volumes");
        var taken = (state["snapshots"] as JsonArray ?? []).Select(s => (string?)s!["volumeId"]).ToHashSet(StringComparer.Ordinal);
        return volumes.All(taken.Contains);
    }

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var answer = await c.Aws.Ec2(a.Target.Region).CreateSnapshotsAsync(new CreateSnapshotsRequest
        {
            InstanceSpecification = new InstanceSpecification { InstanceId = a.Target.Id },
            Description = $"Shodo case {c.CaseId}: evidence of {a.Target.Id} before containment",
            TagSpecifications =
            [
                new TagSpecification
                {
                    ResourceType = ResourceType.Snapshot,
                    Tags = [new Tag(ContainmentTags.Case, c.CaseId), new Tag(ContainmentTags.Action, a.Id), new Tag(ContainmentTags.Instance, a.Target.Id)],
                },
            ],
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.CreateSnapshots, new JsonObject
        {
            ["instanceId"] = a.Target.Id,
            ["snapshots"] = new JsonArray((answer.Snapshots ?? []).Select(s => (JsonNode?)s.SnapshotId).ToArray()),
        }).ConfigureAwait(false);
    }

    public override string? Stale(PlannedAction a, JsonObject state) => InstanceStaleness.Check(a, state);
}
