namespace Shodo.Range.State.Ec2;

/// <summary>
/// A Spot Fleet request (RequestSpotFleet). Type <c>request</c> launches its target capacity once; type <c>maintain</c>
/// keeps it: a member that is no longer running (stopped, terminated, interrupted) stops counting and the fleet launches
/// a replacement as the region settles. Each member is a Spot Instance with a Spot request of its own, tagged
/// <c>aws:ec2spot:fleet-request-id</c>. Lowering the target capacity with <c>noTermination</c> keeps the members it
/// already has and replaces none; with <c>default</c> the excess members are terminated.
/// </summary>
public sealed class SpotFleet
{
    public const string Request = "request", Maintain = "maintain";
    public const string Submitted = "submitted", Active = "active", Modifying = "modifying", Cancelled = "cancelled",
        CancelledRunning = "cancelled_running", CancelledTerminating = "cancelled_terminating";
    public const string NoTermination = "noTermination", Default = "default";
    public const string FleetTag = "aws:ec2spot:fleet-request-id";

    public required string SpotFleetRequestId { get; init; }
    public required string Type { get; init; }
    public required string IamFleetRole { get; init; }
    public required LaunchSpec Launch { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string AllocationStrategy { get; init; } = "lowestPrice";
    public string? SpotPrice { get; init; }
    public int TargetCapacity { get; set; }
    public string ExcessCapacityTerminationPolicy { get; set; } = Default;
    public string State { get; set; } = Submitted;
    public string ActivityStatus { get; set; } = "pending_fulfillment";
    /// <summary>Every instance the fleet launched, oldest first (members that count are those still running).</summary>
    public List<string> Members { get; set; } = [];
    /// <summary>When the fleet has launched a first time (a <c>request</c> fleet launches nothing after).</summary>
    public bool Launched { get; set; }

    public bool IsCancelled => State is Cancelled or CancelledRunning or CancelledTerminating;
}
