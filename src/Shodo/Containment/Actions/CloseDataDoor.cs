using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Doors;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Closes a door to the data the attacker opened — a snapshot shared with an outside account, and the other kinds in
/// <see cref="DataDoors"/> — by shutting out whoever outside may come in when applying; nothing is deleted, and
/// <c>shodo rollback</c> lets back in exactly whom the journaled before-state let in. One authority class for every
/// door, so an organisation grants them together (<c>authority: responder: [..., close-data-door]</c>); not granted by
/// default: it needs an approver unless the policy says so.
/// </summary>
public sealed class CloseDataDoor : ContainmentAction
{
    public override string Name => "close-data-door";
    public override IReadOnlyList<AwsOperation> Operations => DataDoors.All.SelectMany(d => d.Operations).DistinctBy(o => o.Key).ToList();
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback restores exactly the journaled before-state (who could come in)";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo => DataDoors.All.Select(d => d.Kind).ToList();
    public override PlanOrder OrderFor(string targetKind) => new(3, 0);

    /// <summary>A door the attacker opens again (with a key found only later) is closed again by the next plan.</summary>
    public override bool RedoneWhenUndone => true;

    /// <summary>Planned while the door is open to anyone outside, with whom it was open to when planned.</summary>
    public override JsonObject? PlanFor(PlanningTarget target) =>
        DataDoors.Get(target.Target.Kind).OpenTo(target.State) is { Count: > 0 } open
            ? new JsonObject { ["openTo"] = new JsonArray(open.Select(v => (JsonNode)v!).ToArray()) }
            : null;

    public override string ExpectedAfter(PlannedAction a) => DataDoors.Get(a.Target.Kind).ExpectedAfter(a);

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        DataDoors.Get(a.Target.Kind).ReadAsync(c, a.Target, ct);

    public override bool Holds(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true || DataDoors.Get(a.Target.Kind).OpenTo(state).Count == 0;

    public override Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        DataDoors.Get(a.Target.Kind).CloseAsync(c, a, state, ct);

    public override Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct) =>
        DataDoors.Get(a.Target.Kind).ReopenAsync(c, a, before, state, ct);

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state)
    {
        var door = DataDoors.Get(a.Target.Kind);
        return (bool?)before["exists"] != true || door.OpenTo(before).All(door.OpenTo(state).Contains);
    }

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"{a.Target.Kind} {a.Target.Id} no longer exists" : null;
}
