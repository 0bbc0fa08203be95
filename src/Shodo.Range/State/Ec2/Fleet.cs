namespace Shodo.Range.State.Ec2;

/// <summary>
/// What a Spot Fleet (RequestSpotFleet) and an EC2 Fleet (CreateFleet) share: a target capacity of instances launched
/// from one specification. Type <c>request</c> launches it once; type <c>maintain</c> keeps it: a member that is no longer
/// running (stopped, terminated, interrupted) stops counting and the fleet launches a replacement as the region settles
/// (<see cref="Ec2Region"/>'s fleets). Lowering the target capacity while keeping the excess (Spot Fleet
/// <c>noTermination</c>, EC2 Fleet <c>no-termination</c>) keeps the members and replaces none; otherwise the excess
/// members are terminated.
/// </summary>
public abstract class Fleet
{
    public const string Request = "request", Maintain = "maintain";

    public required string Type { get; init; }
    public required LaunchSpec Launch { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string? SpotPrice { get; init; }
    public int TargetCapacity { get; set; }
    public string State { get; set; } = "submitted";
    public string ActivityStatus { get; set; } = "pending_fulfillment";
    /// <summary>Every instance the fleet launched, oldest first (members that count are those still running).</summary>
    public List<string> Members { get; set; } = [];
    /// <summary>When the fleet has launched a first time (a <c>request</c> fleet launches nothing after).</summary>
    public bool Launched { get; set; }

    /// <summary>The fleet's id (sfr-…, fleet-…).</summary>
    public abstract string FleetId { get; }
    /// <summary>The tag EC2 puts on every instance the fleet launches, with the fleet's id.</summary>
    public abstract string MemberTag { get; }
    /// <summary>Whether lowering the target capacity terminates the members above it.</summary>
    public abstract bool TerminatesExcess { get; }
    /// <summary>Whether the fleet was cancelled or deleted (it launches nothing more).</summary>
    public abstract bool IsEnded { get; }
    /// <summary>Whether its members are Spot Instances (each with a one-time Spot request), else on-demand.</summary>
    public virtual bool LaunchesSpot => true;

    public bool Maintains => Type == Maintain;
}
