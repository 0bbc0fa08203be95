using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Turns on termination protection, so nobody (the attacker, a panicking owner) destroys the evidence by accident.
/// Not planned for Spot instances: EC2 refuses it there (UnsupportedOperation); their volumes are snapshotted first instead,
/// and the report says EC2 can reclaim the instance itself at any time.
/// </summary>
public sealed class EnableTerminationProtection : InstanceAttributeAction
{
    public override string Name => "enable-termination-protection";
    protected override string Attribute => "disableApiTermination";
    protected override bool Target => true;
    public override PlanOrder OrderFor(string targetKind) => new(3, 0);
    public override System.Text.Json.Nodes.JsonObject? PlanFor(PlanningTarget t) => t.IsSpot ? null : new();
    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} cannot be terminated (disableApiTermination=true)";
}
