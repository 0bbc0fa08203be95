using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Cancels a persistent spot request so it launches nothing more. Cancelling terminates nothing: the
/// request's instance stays (stopped first by its own actions — a persistent request's instance can
/// only be stopped while the request is not cancelled, so the request is cancelled only once that stop has held:
/// <see cref="PrerequisiteNotHeldException"/> otherwise) and the request stays visible. A cancelled
/// request cannot be re-opened, so this needs an approver.
/// </summary>
public sealed class CancelSpotRequest : ContainmentAction
{
    public override string Name => "cancel-spot-request";
    public override IReadOnlyList<AwsOperation> Operations => [Ec2Operations.DescribeSpotInstanceRequests, Ec2Operations.CancelSpotInstanceRequests];
    public override bool Reversible => false;
    public override string HowToReverse => "cannot be re-opened; request new spot capacity if this was a false alarm";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.SpotRequest];
    public override PlanOrder OrderFor(string targetKind) => new(4, 0);

    /// <summary>Only a persistent request relaunches; a one-time request ends with its instance.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) => (string?)t.State["type"] == "persistent" ? new() : null;

    public override string ExpectedAfter(PlannedAction a) => $"{a.Target.Id} is cancelled (its instances are not terminated)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        SpotRequestState.ReadAsync(c, a.Target.Region!, a.Target.Id, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => (string?)state["state"] is "cancelled" or "closed";

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        // EC2 stops a persistent request's instance only while the request is open: cancelled first, the instance could
        // then only be isolated. An instance that cannot be stopped anyway (instance-store root) does not hold it back.
        if ((string?)state["instanceId"] is { Length: > 0 } instanceId)
        {
            var instance = await InstanceRead.ReadAsync(c, a.Target.Region!, instanceId, attributes: false, ct).ConfigureAwait(false);
            if (InstanceRead.Name(instance) is "pending" or "running" && (string?)instance["rootDeviceType"] != "instance-store")
                throw new PrerequisiteNotHeldException("ContainSpotCancelAfterStop", a.Target.Id, instanceId, InstanceRead.Name(instance)!);
        }
        await c.Aws.Ec2(a.Target.Region).CancelSpotInstanceRequestsAsync(
            new CancelSpotInstanceRequestsRequest { SpotInstanceRequestIds = [a.Target.Id] }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, Ec2Operations.CancelSpotInstanceRequests,
            new JsonObject { ["spotInstanceRequestId"] = a.Target.Id }).ConfigureAwait(false);
    }

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] != true ? $"spot request {a.Target.Id} no longer exists" : null;
}
