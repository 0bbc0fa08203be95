using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>Turns on termination protection, so nobody (the attacker, a panicking owner) destroys the evidence by accident.</summary>
public sealed class EnableTerminationProtection : InstanceAttributeAction
{
    public override string Name => "enable-termination-protection";
    protected override string Attribute => "disableApiTermination";
    protected override bool Target => true;
    public override PlanOrder OrderFor(string targetKind) => new(3, 3);
    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} cannot be terminated (disableApiTermination=true)";
}
