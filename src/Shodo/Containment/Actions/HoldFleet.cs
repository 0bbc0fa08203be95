using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Holds a fleet of type <c>maintain</c> — a Spot Fleet (<see cref="HoldSpotFleet"/>) or an EC2 Fleet
/// (<see cref="HoldEc2Fleet"/>) — before its instances are stopped or isolated: a maintain fleet replaces a member that
/// stops running. Its target capacity goes to 0 with the excess-capacity policy that keeps every instance (Spot Fleet
/// <c>noTermination</c>, EC2 Fleet <c>no-termination</c>): the fleet launches and replaces nothing and terminates none of
/// its instances (never a cancel or delete that terminates). Reversible: the roll-back sets back the capacity and policy
/// journaled before. The two kinds differ only in their API (<see cref="ReadFleetAsync"/>, <see cref="SetCapacityAsync"/>)
/// and the policy's spelling.
/// </summary>
public abstract class HoldFleet : ContainmentAction
{
    /// <summary>"Spot Fleet", "EC2 Fleet": how the plan and the report name it.</summary>
    protected abstract string Noun { get; }
    /// <summary>The excess-capacity policy that keeps every instance.</summary>
    protected abstract string KeepsInstances { get; }
    /// <summary>The policy a fleet has when none was given (what a roll-back sets back when the before-state had none).</summary>
    protected abstract string DefaultPolicy { get; }
    /// <summary>The modifying operation, as journaled.</summary>
    protected abstract AwsOperation Modify { get; }
    /// <summary>The journaled request's name for the fleet's id.</summary>
    protected abstract string IdKey { get; }

    /// <summary>The fleet as containment sees it: exists, state, type, targetCapacity, excessCapacityTerminationPolicy.</summary>
    protected abstract Task<JsonObject> ReadFleetAsync(ContainmentContext c, string region, string id, CancellationToken ct);
    protected abstract Task SetCapacityAsync(ContainmentContext c, string region, string id, int capacity, string policy, CancellationToken ct);
    /// <summary>Cancelled or deleted: it launches nothing more.</summary>
    protected abstract bool Ended(JsonObject state);

    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback sets the fleet's target capacity and excess-capacity policy back to what was journaled";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;

    /// <summary>Before compute (phase 3), as an Auto Scaling group is held: a member stopped first would be replaced.</summary>
    public override PlanOrder OrderFor(string targetKind) => new(2, 1);

    /// <summary>It serves stopping the fleet's instances without their being replaced, and goes with that authority.</summary>
    public override string AuthorityClass(string targetKind) => AppliesTo.Contains(targetKind) ? "stop-instance" : Name;

    /// <summary>Only a maintain fleet replaces instances (and only one can be modified); an ended one launches nothing.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) => (string?)t.State["type"] == "maintain" && !Ended(t.State) ? new() : null;

    public override string ExpectedAfter(PlannedAction a) =>
        $"{Noun} {a.Target.Id} has target capacity 0 with {KeepsInstances}: it launches and replaces nothing, and terminates none of its instances";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        ReadFleetAsync(c, a.Target.Region!, a.Target.Id, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => Ended(state) || IsHeld(state);

    /// <summary>At target capacity 0 with the policy that keeps every instance: it can replace none of its members.</summary>
    public bool IsHeld(JsonObject state) =>
        (int?)state["targetCapacity"] == 0 && (string?)state["excessCapacityTerminationPolicy"] == KeepsInstances;

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        await SetCapacityAsync(c, a.Target.Region!, a.Target.Id, 0, KeepsInstances, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Modify, new JsonObject
        {
            [IdKey] = a.Target.Id, ["targetCapacity"] = 0, ["excessCapacityTerminationPolicy"] = KeepsInstances,
        }).ConfigureAwait(false);
    }

    /// <summary>Sets back the capacity and policy journaled before (the fleet launches up to that capacity again).</summary>
    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if ((bool?)state["exists"] != true || Ended(state) || RolledBack(a, before, state)) return;
        if ((int?)before["targetCapacity"] is not { } capacity) return;
        var policy = (string?)before["excessCapacityTerminationPolicy"] ?? DefaultPolicy;
        await SetCapacityAsync(c, a.Target.Region!, a.Target.Id, capacity, policy, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Modify, new JsonObject
        {
            [IdKey] = a.Target.Id, ["targetCapacity"] = capacity, ["excessCapacityTerminationPolicy"] = policy,
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// For a member's stop: sends nothing and fails (<see cref="PrerequisiteNotHeldException"/>) while its maintain fleet
    /// could still replace it (capacity above 0, or a policy that would terminate); a fleet gone or ended holds.
    /// </summary>
    public static async Task RequireHeldAsync(ContainmentContext c, string region, string instanceId, string kind, string id, CancellationToken ct)
    {
        var hold = ActionRegistry.All.OfType<HoldFleet>().First(h => h.AppliesTo.Contains(kind));
        var state = await hold.ReadFleetAsync(c, region, id, ct).ConfigureAwait(false);
        if ((bool?)state["exists"] != true || hold.Ended(state) || hold.IsHeld(state)) return;
        throw new PrerequisiteNotHeldException("ContainStopAfterFleetHeld", instanceId, id, (int?)state["targetCapacity"] ?? 0, hold.Name);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        (bool?)state["exists"] != true
        || ((int?)state["targetCapacity"] == (int?)before["targetCapacity"]
            && (string?)state["excessCapacityTerminationPolicy"] == ((string?)before["excessCapacityTerminationPolicy"] ?? DefaultPolicy));

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"{Noun} {a.Target.Id} no longer exists" : null;
}
