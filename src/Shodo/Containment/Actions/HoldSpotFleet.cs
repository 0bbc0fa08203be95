using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Holds a Spot Fleet of type <c>maintain</c> (one the attacker made, or the fleet of an attacker instance, tag
/// <c>aws:ec2spot:fleet-request-id</c>) before its instances are stopped or isolated (<see cref="HoldFleet"/>):
/// ModifySpotFleetRequest to target capacity 0 with ExcessCapacityTerminationPolicy <c>noTermination</c> (never
/// CancelSpotFleetRequests with TerminateInstances).
/// </summary>
public sealed class HoldSpotFleet : HoldFleet
{
    public override string Name => "hold-spot-fleet";
    public override IReadOnlyList<AwsOperation> Operations =>
        [Ec2Operations.DescribeSpotFleetRequests, Ec2Operations.ModifySpotFleetRequest];
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.SpotFleet];

    protected override string Noun => "Spot Fleet";
    protected override string KeepsInstances => "noTermination";
    protected override string DefaultPolicy => "default";
    protected override AwsOperation Modify => Ec2Operations.ModifySpotFleetRequest;
    protected override string IdKey => "spotFleetRequestId";

    protected override Task<JsonObject> ReadFleetAsync(ContainmentContext c, string region, string id, CancellationToken ct) =>
        SpotFleetState.ReadAsync(c, region, id, ct);

    protected override bool Ended(JsonObject state) => SpotFleetState.IsCancelled(state);

    protected override Task SetCapacityAsync(ContainmentContext c, string region, string id, int capacity, string policy, CancellationToken ct) =>
        c.Aws.Ec2(region).ModifySpotFleetRequestAsync(new ModifySpotFleetRequestRequest
        {
            SpotFleetRequestId = id, TargetCapacity = capacity, ExcessCapacityTerminationPolicy = new Amazon.EC2.ExcessCapacityTerminationPolicy(policy),
        }, ct);
}
