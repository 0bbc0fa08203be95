using System.Text.Json;

namespace Shodo.Trail.Records;

/// <summary>
/// One CloudTrail record, from any source (LookupEvents, a trail log file on S3 or disk), normalised
/// to the fields an investigation reasons about. <see cref="Raw"/> keeps the record exactly as
/// CloudTrail wrote it (detections evaluate on it). Every string here came from the attacker's side.
/// </summary>
public sealed record TrailRecord
{
    public required string EventId { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    public required string EventSource { get; init; }
    public required string EventName { get; init; }
    public string? Region { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    /// <summary>userIdentity.accessKeyId: AKIA... for long-term keys, ASIA... for temporary ones.</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>userIdentity.arn.</summary>
    public string? PrincipalArn { get; init; }
    /// <summary>userIdentity.userName, or the session issuer's user name for temporary credentials.</summary>
    public string? UserName { get; init; }
    /// <summary>userIdentity.type: IAMUser, AssumedRole, FederatedUser, Root, AWSService, ...</summary>
    public string? IdentityType { get; init; }
    public string? AccountId { get; init; }
    public bool? ReadOnly { get; init; }
    /// <summary>Management, Data or Insight.</summary>
    public string? EventCategory { get; init; }
    /// <summary>Where the record was read: <c>lookup:us-east-1</c>, <c>file:PATH</c>, <c>s3://bucket/key</c>.</summary>
    public required string Source { get; init; }
    /// <summary>The record as CloudTrail wrote it.</summary>
    public required JsonElement Raw { get; init; }

    public bool Failed => ErrorCode is not null;
}
