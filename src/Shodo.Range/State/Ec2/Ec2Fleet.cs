namespace Shodo.Range.State.Ec2;

/// <summary>
/// An EC2 Fleet (CreateFleet): a <see cref="Fleet"/> launched from a launch template, Spot or on-demand
/// (DefaultTargetCapacityType), its instances tagged <c>aws:ec2:fleet-id</c>. Type <c>instant</c> launches at once and
/// answers with its instances; <c>request</c> launches once; <c>maintain</c> replaces a member that stops running.
/// Lowering TotalTargetCapacity with ExcessCapacityTerminationPolicy <c>no-termination</c> keeps every member; with
/// <c>termination</c> (the default) the excess is terminated. DeleteFleets ends it (the range serves no DeleteFleets:
/// Shodo never sends it).
/// </summary>
public sealed class Ec2Fleet : Fleet
{
    public const string Instant = "instant";
    public const string Submitted = "submitted", Active = "active", Modifying = "modifying", Deleted = "deleted",
        DeletedRunning = "deleted_running", DeletedTerminating = "deleted_terminating", Failed = "failed";
    public const string NoTermination = "no-termination", Termination = "termination";
    public const string Spot = "spot", OnDemand = "on-demand";
    public const string FleetTag = "aws:ec2:fleet-id";

    public required string Id { get; init; }
    public string? ClientToken { get; init; }
    public string DefaultTargetCapacityType { get; init; } = Spot;
    public string? LaunchTemplateId { get; init; }
    public string? LaunchTemplateName { get; init; }
    public string LaunchTemplateVersion { get; init; } = "$Default";
    public bool ReplaceUnhealthyInstances { get; init; }
    /// <summary>Null when never given: EC2 then terminates the excess.</summary>
    public string? ExcessCapacityTerminationPolicy { get; set; }

    public override string FleetId => Id;
    public override string MemberTag => FleetTag;
    public override bool TerminatesExcess => ExcessCapacityTerminationPolicy is null or Termination;
    public override bool IsEnded => State is Deleted or DeletedRunning or DeletedTerminating or Failed;
    public override bool LaunchesSpot => DefaultTargetCapacityType == Spot;
}
