using System.Text.Json.Nodes;

namespace Shodo.Range.State;

/// <summary>
/// One served call, success or failure, as the dispatcher saw it: the raw material of a CloudTrail
/// event. The CloudTrail service turns these into records with AWS's fields.
/// </summary>
public sealed record CallRecord(
    string EventId,
    string RequestId,
    DateTimeOffset Time,
    string Service,
    string EventSource,
    string EventName,
    /// <summary>The region the event is recorded in (us-east-1 for global services).</summary>
    string Region,
    Caller? Caller,
    string SourceIp,
    string UserAgent,
    bool ReadOnly,
    JsonObject? RequestParameters,
    JsonObject? ResponseElements,
    string? ErrorCode,
    string? ErrorMessage,
    /// <summary>Management or Data (S3 object-level calls are data events).</summary>
    string EventCategory = "Management");
