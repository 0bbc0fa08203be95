using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Stops (never terminates) an attacker instance: the mining stops, compute billing stops, the disks
/// stay as evidence. Stopping or stopped is the after-state. Reversed by starting it again.
/// </summary>
public sealed class StopInstance : ContainmentAction
{
    public override string Name => "stop-instance";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeInstances, Ec2Operations.StopInstances, Ec2Operations.StartInstances];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback starts the instance again if it was running";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Instance];
    public override PlanOrder OrderFor(string targetKind) => new(3, 1);
    /// <summary>
    /// Unless the instance must be isolated instead. A member of a maintain fleet names its fleet: it is stopped only once the
    /// fleet is held (<see cref="HoldFleet.RequireHeldAsync"/>), else the fleet would launch a replacement.
    /// </summary>
    public override JsonObject? PlanFor(PlanningTarget t) => t.WhyIsolateInsteadOfStop is not null ? null
        : t.MaintainFleet is { } fleet ? new() { ["fleet"] = new JsonObject { ["kind"] = fleet.Kind, ["id"] = fleet.Id } }
        : new();

    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} is stopping or stopped (not terminated)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        InstanceRead.ReadAsync(c, a.Target.Region!, a.Target.Id, attributes: false, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => InstanceRead.Name(state) is "stopping" or "stopped";

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        if (a.Parameters["fleet"] is JsonObject { } fleet)
            await HoldFleet.RequireHeldAsync(c, a.Target.Region!, a.Target.Id, (string)fleet["kind"]!, (string)fleet["id"]!, ct).ConfigureAwait(false);
        await c.Aws.Ec2(a.Target.Region).StopInstancesAsync(new StopInstancesRequest { InstanceIds = [a.Target.Id] }, ct)
            .ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.StopInstances, new JsonObject { ["instanceId"] = a.Target.Id }).ConfigureAwait(false);
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (InstanceRead.Name(before) is not ("running" or "pending") || InstanceRead.Name(state) is not "stopped") return;
        await c.Aws.Ec2(a.Target.Region).StartInstancesAsync(new StartInstancesRequest { InstanceIds = [a.Target.Id] }, ct)
            .ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.StartInstances, new JsonObject { ["instanceId"] = a.Target.Id }).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        InstanceRead.Name(before) is not ("running" or "pending") || InstanceRead.Name(state) is "pending" or "running";

    public override string? Stale(PlannedAction a, JsonObject state) => InstanceStaleness.Check(a, state);
}
