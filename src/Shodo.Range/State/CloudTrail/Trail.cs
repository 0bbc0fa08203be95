namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// A CloudTrail trail: where it delivers (bucket, prefix), what it selects, and when it was logging.
/// Event history (LookupEvents) does not depend on trails; delivery does.
/// </summary>
public sealed class Trail
{
    public required string Name { get; init; }
    public required string HomeRegion { get; init; }
    public required string AccountId { get; init; }
    public required string S3BucketName { get; set; }
    public string? S3KeyPrefix { get; set; }
    public bool IsMultiRegion { get; set; }
    public bool IncludeGlobalServiceEvents { get; set; } = true;
    public bool LogFileValidationEnabled { get; set; }
    /// <summary>
    /// An organisation trail (the management account's, CreateTrail IsOrganizationTrail): it delivers every account's events
    /// to its bucket under <c>[prefix/]AWSLogs/o-ID/ACCOUNT/CloudTrail/...</c>.
    /// </summary>
    public bool IsOrganizationTrail { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }

    public List<EventSelector> EventSelectors { get; set; } = [new()];
    public bool HasCustomEventSelectors { get; set; }

    /// <summary>Periods in which the trail was logging; the last one is open while it logs.</summary>
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<LoggingPeriod> LoggingPeriods { get; } = [];

    /// <summary>How many of <see cref="RangeState.Calls"/> delivery has already looked at.</summary>
    public int DeliveredCallCount { get; set; }
    /// <summary>For an organisation trail: how many of each member account's calls delivery has already looked at.</summary>
    public Dictionary<string, int> MemberDeliveredCallCounts { get; set; } = new(StringComparer.Ordinal);
    public DateTimeOffset? LatestDeliveryTime { get; set; }
    public string? LatestDeliveryError { get; set; }
    public DateTimeOffset? LatestDeliveryAttemptTime { get; set; }

    /// <summary>The account's partition, which names the trail's ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:cloudtrail:{HomeRegion}:{AccountId}:trail/{Name}";
    public bool IsLogging => LoggingPeriods.Count > 0 && LoggingPeriods[^1].Stop is null;
    public DateTimeOffset? StartLoggingTime => LoggingPeriods.Count > 0 ? LoggingPeriods[^1].Start : null;
    public DateTimeOffset? StopLoggingTime => LoggingPeriods.LastOrDefault(p => p.Stop is not null)?.Stop;

    public void StartLogging(DateTimeOffset at)
    {
        if (!IsLogging) LoggingPeriods.Add(new LoggingPeriod(at, null));
    }

    /// <summary>
    /// Stops logging at <paramref name="at"/>. <paramref name="requestId"/> is the StopLogging call's, whose
    /// own event AWS still delivers although it is recorded a moment after the trail stopped.
    /// </summary>
    public void StopLogging(DateTimeOffset at, string? requestId = null)
    {
        if (IsLogging) LoggingPeriods[^1] = LoggingPeriods[^1] with { Stop = at, StopRequestId = requestId };
    }

    public bool Logged(CallRecord call) => LoggingPeriods.Any(p =>
        call.Time >= p.Start && (p.Stop is null || call.Time <= p.Stop || call.RequestId == p.StopRequestId));
}

public sealed record LoggingPeriod(DateTimeOffset Start, DateTimeOffset? Stop, string? StopRequestId = null);
