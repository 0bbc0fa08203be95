namespace Shodo.Range.State.Ec2;

/// <summary>
/// A Spot Fleet request (RequestSpotFleet): a <see cref="Fleet"/> of Spot Instances, each with a Spot request of its own,
/// tagged <c>aws:ec2spot:fleet-request-id</c>. Lowering the target capacity with <c>noTermination</c> keeps the members it
/// already has and replaces none; with <c>default</c> the excess members are terminated.
/// </summary>
public sealed class SpotFleet : Fleet
{
    public const string Submitted = "submitted", Active = "active", Modifying = "modifying", Cancelled = "cancelled",
        CancelledRunning = "cancelled_running", CancelledTerminating = "cancelled_terminating";
    public const string NoTermination = "noTermination", Default = "default";
    public const string FleetTag = "aws:ec2spot:fleet-request-id";

    public required string SpotFleetRequestId { get; init; }
    public required string IamFleetRole { get; init; }
    public string AllocationStrategy { get; init; } = "lowestPrice";
    public string ExcessCapacityTerminationPolicy { get; set; } = Default;

    public override string FleetId => SpotFleetRequestId;
    public override string MemberTag => FleetTag;
    public override bool TerminatesExcess => ExcessCapacityTerminationPolicy == Default;
    public override bool IsEnded => IsCancelled;
    public bool IsCancelled => State is Cancelled or CancelledRunning or CancelledTerminating;
}
