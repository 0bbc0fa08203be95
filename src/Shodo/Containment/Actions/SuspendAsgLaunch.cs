using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// Declared for Auto Scaling groups that would relaunch attacker instances: suspend the Launch process
/// (autoscaling:SuspendProcesses; ResumeProcesses to undo). Shodo's AWS layer has no Auto Scaling
/// client yet and the range does not serve Auto Scaling, so this action sends nothing: its outcome is
/// always "needs a human decision", with the console step in the reason.
/// </summary>
public sealed class SuspendAsgLaunch : ContainmentAction
{
    public const string NotServed =
        "Shodo cannot reach Auto Scaling yet: suspend the group's Launch process by hand (aws autoscaling suspend-processes --scaling-processes Launch)";

    public override string Name => "suspend-asg-launch";
    public override IReadOnlyList<AwsOperation> Operations => [];
    public override bool Reversible => true;
    public override string HowToReverse => "aws autoscaling resume-processes --scaling-processes Launch";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.AutoScalingGroup];
    public override PlanOrder OrderFor(string targetKind) => new(4, 2);

    public override string ExpectedAfter(PlannedAction a) => $"Auto Scaling group {a.Target.Id} launches nothing (Launch suspended)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        Task.FromResult(new JsonObject { ["autoScalingGroupName"] = a.Target.Id, ["served"] = false });

    public override bool Holds(PlannedAction a, JsonObject state) => false;

    public override Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        throw new NotSupportedException(NotServed);
}
