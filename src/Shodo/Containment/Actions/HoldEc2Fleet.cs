using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Holds an EC2 Fleet of type <c>maintain</c> (one the attacker created with CreateFleet, or the fleet of an attacker
/// instance, tag <c>aws:ec2:fleet-id</c>) before its instances are stopped or isolated (<see cref="HoldFleet"/>):
/// ModifyFleet to TotalTargetCapacity 0 with ExcessCapacityTerminationPolicy <c>no-termination</c>. Never DeleteFleets.
/// </summary>
public sealed class HoldEc2Fleet : HoldFleet
{
    public override string Name => "hold-ec2-fleet";
    public override IReadOnlyList<AwsOperation> Operations => [Ec2Operations.DescribeFleets, Ec2Operations.ModifyFleet];
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.Ec2Fleet];

    protected override string Noun => "EC2 Fleet";
    protected override string KeepsInstances => "no-termination";
    protected override string DefaultPolicy => "termination";
    protected override AwsOperation Modify => Ec2Operations.ModifyFleet;
    protected override string IdKey => "fleetId";

    protected override Task<JsonObject> ReadFleetAsync(ContainmentContext c, string region, string id, CancellationToken ct) =>
        Ec2FleetState.ReadAsync(c, region, id, ct);

    protected override bool Ended(JsonObject state) => Ec2FleetState.IsEnded(state);

    protected override Task SetCapacityAsync(ContainmentContext c, string region, string id, int capacity, string policy, CancellationToken ct) =>
        c.Aws.Ec2(region).ModifyFleetAsync(new ModifyFleetRequest
        {
            FleetId = id, ExcessCapacityTerminationPolicy = new Amazon.EC2.FleetExcessCapacityTerminationPolicy(policy),
            TargetCapacitySpecification = new TargetCapacitySpecificationRequest { TotalTargetCapacity = capacity },
        }, ct);
}
