namespace Shodo.Range.State.Ec2;

/// <summary>
/// A Spot Instance request. One-time requests close when their instance ends; persistent ones
/// launch a replacement when their instance is terminated, until cancelled.
/// </summary>
public sealed class SpotRequest
{
    public const string OneTime = "one-time", Persistent = "persistent";
    public const string Open = "open", Active = "active", Closed = "closed", Cancelled = "cancelled", Disabled = "disabled";

    public required string SpotInstanceRequestId { get; init; }
    public required string Type { get; init; }
    public required LaunchSpec Launch { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string? SpotPrice { get; init; }
    public string InstanceInterruptionBehavior { get; init; } = "terminate";

    public string State { get; set; } = Open;
    public string StatusCode { get; set; } = "pending-evaluation";
    public string StatusMessage { get; set; } = "Your Spot request has been submitted for review, and is pending evaluation.";
    public DateTimeOffset StatusUpdateTime { get; set; }
    public string? InstanceId { get; set; }
    /// <summary>The Spot Fleet that made this request for one of its members, if any.</summary>
    public string? SpotFleetRequestId { get; set; }
    public string? LaunchedAvailabilityZone { get; set; }
    /// <summary>Every instance this request has launched, oldest first.</summary>
    public List<string> InstanceHistory { get; set; } = [];

    public void SetStatus(string state, string code, string message, DateTimeOffset now)
    {
        State = state;
        StatusCode = code;
        StatusMessage = message;
        StatusUpdateTime = now;
    }
}
