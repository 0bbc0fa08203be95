using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.AutoScaling;
using Shodo.Aws.AutoScaling.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Holds an Auto Scaling group that would terminate and replace a stopped instance — one the attacker created, or the
/// group of an attacker instance (tag <c>aws:autoscaling:groupName</c>): suspends Launch, Terminate, HealthCheck,
/// ReplaceUnhealthy and AZRebalance, after the group's before-state is journaled and before any of its instances is
/// stopped (phase 2, ahead of compute). Termination protection does not stop Auto Scaling; this does. Reversible: the
/// roll-back resumes exactly the processes that were not suspended before.
/// </summary>
public sealed class SuspendAsgLaunch : ContainmentAction
{
    /// <summary>The processes that terminate, replace or relaunch the group's instances.</summary>
    public static IReadOnlyList<string> Processes { get; } = ["Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy", "AZRebalance"];

    public override string Name => "suspend-asg-launch";
    public override IReadOnlyList<AwsOperation> Operations =>
        [AutoScalingOperations.DescribeAutoScalingGroups, AutoScalingOperations.SuspendProcesses, AutoScalingOperations.ResumeProcesses];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback resumes exactly the processes Shodo suspended (aws autoscaling resume-processes)";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.AutoScalingGroup];

    /// <summary>Before compute (phase 3): a member stopped while the group still runs its health check is terminated and replaced.</summary>
    public override PlanOrder OrderFor(string targetKind) => new(2, 1);

    /// <summary>It serves stopping the group's instances without losing them, and goes with that authority.</summary>
    public override string AuthorityClass(string targetKind) => targetKind == TargetKinds.AutoScalingGroup ? "stop-instance" : Name;

    public override string ExpectedAfter(PlannedAction a) =>
        $"Auto Scaling group {a.Target.Id} neither launches, terminates nor replaces instances ({string.Join(", ", Processes)} suspended)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        AutoScalingGroupState.ReadAsync(c, a.Target.Region!, a.Target.Id, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => Missing(state).Count == 0;

    private static List<string> Missing(JsonObject state) => Processes.Except(AutoScalingGroupState.Suspended(state)).ToList();

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var missing = Missing(state);
        await c.Aws.AutoScaling(a.Target.Region).SendAsync(new SuspendProcesses(a.Target.Id, missing), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, AutoScalingOperations.SuspendProcesses, new JsonObject
        {
            ["autoScalingGroupName"] = a.Target.Id, ["scalingProcesses"] = new JsonArray(missing.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        }).ConfigureAwait(false);
    }

    /// <summary>Resumes the processes this action suspended: those of <see cref="Processes"/> not suspended before and suspended now.</summary>
    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if ((bool?)state["exists"] != true || (bool?)before["exists"] != true) return;
        var resume = Processes.Except(AutoScalingGroupState.Suspended(before)).Intersect(AutoScalingGroupState.Suspended(state)).ToList();
        if (resume.Count == 0) return;
        await c.Aws.AutoScaling(a.Target.Region).SendAsync(new ResumeProcesses(a.Target.Id, resume), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, AutoScalingOperations.ResumeProcesses, new JsonObject
        {
            ["autoScalingGroupName"] = a.Target.Id, ["scalingProcesses"] = new JsonArray(resume.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        }).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        (bool?)state["exists"] != true
        || Processes.Intersect(AutoScalingGroupState.Suspended(state)).Order(StringComparer.Ordinal)
            .SequenceEqual(Processes.Intersect(AutoScalingGroupState.Suspended(before)).Order(StringComparer.Ordinal));

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"Auto Scaling group {a.Target.Id} no longer exists" : null;
}
