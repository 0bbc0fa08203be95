using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Cancels an attacker spot fleet with TerminateInstances=false — always: the fleet launches nothing more
/// and its instances stay, to be stopped or isolated by their own actions. Cannot be undone; needs an approver.
/// </summary>
public sealed class CancelSpotFleet : ContainmentAction
{
    public override string Name => "cancel-spot-fleet";
    public override IReadOnlyList<AwsOperation> Operations => [Ec2Operations.DescribeSpotFleetRequests, Ec2Operations.CancelSpotFleetRequests];
    public override bool Reversible => false;
    public override string HowToReverse => "cannot be re-opened; request a new fleet if this was a false alarm";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.SpotFleet];
    public override PlanOrder OrderFor(string targetKind) => new(4, 1);

    /// <summary>A maintain fleet is held instead (<see cref="HoldSpotFleet"/>: reversible, terminates nothing); a cancelled one is left.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) =>
        (string?)t.State["type"] == "maintain" || Reads.SpotFleetState.IsCancelled(t.State) ? null : new();

    public override string ExpectedAfter(PlannedAction a) => $"spot fleet {a.Target.Id} is cancelled; its instances keep running until stopped";

    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        try
        {
            var answer = await c.Aws.Ec2(a.Target.Region).DescribeSpotFleetRequestsAsync(
                new DescribeSpotFleetRequestsRequest { SpotFleetRequestIds = [a.Target.Id] }, ct).ConfigureAwait(false);
            if (answer.SpotFleetRequestConfigs?.FirstOrDefault() is { } fleet)
                return new JsonObject { ["exists"] = true, ["spotFleetRequestId"] = a.Target.Id, ["state"] = fleet.SpotFleetRequestState?.Value };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidSpotFleetRequestId.NotFound")
        {
        }
        return new JsonObject { ["exists"] = false, ["spotFleetRequestId"] = a.Target.Id };
    }

    public override bool Holds(PlannedAction a, JsonObject state) =>
        (string?)state["state"] is "cancelled" or "cancelled_running" or "cancelled_terminating";

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        await c.Aws.Ec2(a.Target.Region).CancelSpotFleetRequestsAsync(
            new CancelSpotFleetRequestsRequest { SpotFleetRequestIds = [a.Target.Id], TerminateInstances = false }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.CancelSpotFleetRequests,
            new JsonObject { ["spotFleetRequestId"] = a.Target.Id, ["terminateInstances"] = false }).ConfigureAwait(false);
    }

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"spot fleet {a.Target.Id} no longer exists" : null;
}
