using System.Text.Json.Nodes;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Clears the stop protection (DisableApiStop) an attacker set so the instance can be stopped — the only
/// attribute change containment makes besides termination protection; planned only when it is set.
/// </summary>
public sealed class ClearDisableApiStop : InstanceAttributeAction
{
    public override string Name => "clear-disable-api-stop";
    protected override string Attribute => "disableApiStop";
    protected override bool Target => false;
    public override PlanOrder OrderFor(string targetKind) => new(3, 0);

    /// <summary>Only where the instance will be stopped and the protection is set.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) =>
        t.WhyIsolateInsteadOfStop is null && (bool?)t.State["disableApiStop"] == true ? new() : null;
    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} can be stopped (disableApiStop=false)";
}
