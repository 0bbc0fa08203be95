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
    public override int Step => 2;
    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} can be stopped (disableApiStop=false)";
}
