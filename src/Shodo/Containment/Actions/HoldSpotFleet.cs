using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Holds a Spot Fleet of type <c>maintain</c> (one the attacker made, or the fleet of an attacker instance, tag
/// <c>aws:ec2spot:fleet-request-id</c>) before its instances are stopped or isolated: a maintain fleet replaces a member
/// that stops running. ModifySpotFleetRequest sets its target capacity to 0 with ExcessCapacityTerminationPolicy
/// <c>noTermination</c>: the fleet launches and replaces nothing and terminates none of its instances (never
/// CancelSpotFleetRequests with TerminateInstances). Reversible: the roll-back sets back the capacity and policy journaled
/// before.
/// </summary>
public sealed class HoldSpotFleet : ContainmentAction
{
    public override string Name => "hold-spot-fleet";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeSpotFleetRequests, Ec2Operations.ModifySpotFleetRequest];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback sets the fleet's target capacity and excess-capacity policy back to what was journaled";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.SpotFleet];

    /// <summary>Before compute (phase 3), as an Auto Scaling group is held: a member stopped first would be replaced.</summary>
    public override PlanOrder OrderFor(string targetKind) => new(2, 1);

    /// <summary>It serves stopping the fleet's instances without their being replaced, and goes with that authority.</summary>
    public override string AuthorityClass(string targetKind) => targetKind == TargetKinds.SpotFleet ? "stop-instance" : Name;

    /// <summary>Only a maintain fleet replaces instances (and only one can be modified); a cancelled one launches nothing.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) =>
        (string?)t.State["type"] == "maintain" && !SpotFleetState.IsCancelled(t.State) ? new() : null;

    public override string ExpectedAfter(PlannedAction a) =>
        $"Spot Fleet {a.Target.Id} has target capacity 0 with noTermination: it launches and replaces nothing, and terminates none of its instances";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        SpotFleetState.ReadAsync(c, a.Target.Region!, a.Target.Id, ct);

    public override bool Holds(PlannedAction a, JsonObject state) =>
        SpotFleetState.IsCancelled(state)
        || ((int?)state["targetCapacity"] == 0 && (string?)state["excessCapacityTerminationPolicy"] == "noTermination");

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        await c.Aws.Ec2(a.Target.Region).ModifySpotFleetRequestAsync(new ModifySpotFleetRequestRequest
        {
            SpotFleetRequestId = a.Target.Id, TargetCapacity = 0, ExcessCapacityTerminationPolicy = Amazon.EC2.ExcessCapacityTerminationPolicy.NoTermination,
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifySpotFleetRequest, new JsonObject
        {
            ["spotFleetRequestId"] = a.Target.Id, ["targetCapacity"] = 0, ["excessCapacityTerminationPolicy"] = "noTermination",
        }).ConfigureAwait(false);
    }

    /// <summary>Sets back the capacity and policy journaled before (the fleet launches up to that capacity again).</summary>
    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if ((bool?)state["exists"] != true || SpotFleetState.IsCancelled(state) || RolledBack(a, before, state)) return;
        if ((int?)before["targetCapacity"] is not { } capacity) return;
        var policy = (string?)before["excessCapacityTerminationPolicy"] ?? "default";
        await c.Aws.Ec2(a.Target.Region).ModifySpotFleetRequestAsync(new ModifySpotFleetRequestRequest
        {
            SpotFleetRequestId = a.Target.Id, TargetCapacity = capacity, ExcessCapacityTerminationPolicy = new Amazon.EC2.ExcessCapacityTerminationPolicy(policy),
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.ModifySpotFleetRequest, new JsonObject
        {
            ["spotFleetRequestId"] = a.Target.Id, ["targetCapacity"] = capacity, ["excessCapacityTerminationPolicy"] = policy,
        }).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        (bool?)state["exists"] != true
        || ((int?)state["targetCapacity"] == (int?)before["targetCapacity"]
            && (string?)state["excessCapacityTerminationPolicy"] == ((string?)before["excessCapacityTerminationPolicy"] ?? "default"));

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"Spot Fleet {a.Target.Id} no longer exists" : null;
}
