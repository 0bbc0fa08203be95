using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Model;

/// <summary>A trail's settings (botocore <c>Trail</c>): where it logs and whether it covers every region.</summary>
public sealed record Trail(
    string Name, string? TrailArn, string? HomeRegion, string? S3BucketName, string? S3KeyPrefix,
    bool IsMultiRegionTrail, bool IsOrganizationTrail, bool LogFileValidationEnabled,
    string? CloudWatchLogsLogGroupArn, string? KmsKeyId)
{
    public static Trail From(JsonElement e) => new(
        e.Text("Name") ?? "", e.Text("TrailARN"), e.Text("HomeRegion"), e.Text("S3BucketName"), e.Text("S3KeyPrefix"),
        e.Bool("IsMultiRegionTrail") ?? false, e.Bool("IsOrganizationTrail") ?? false, e.Bool("LogFileValidationEnabled") ?? false,
        e.Text("CloudWatchLogsLogGroupArn"), e.Text("KmsKeyId"));
}

/// <summary>Whether a trail is logging now and when it was stopped (botocore <c>GetTrailStatusResponse</c>).</summary>
public sealed record TrailStatus(
    bool IsLogging, DateTimeOffset? StartLoggingTime, DateTimeOffset? StopLoggingTime,
    DateTimeOffset? LatestDeliveryTime, string? LatestDeliveryError)
{
    public static TrailStatus From(JsonElement e) => new(
        e.Bool("IsLogging") ?? false, e.Date("StartLoggingTime"), e.Date("StopLoggingTime"),
        e.Date("LatestDeliveryTime"), e.Text("LatestDeliveryError"));
}

/// <summary>
/// A trail's event selectors, kept as JSON (both the basic and advanced forms), with whether any
/// selector records data events — without them, S3 object reads cannot be known.
/// </summary>
public sealed record TrailEventSelectors(string? TrailArn, string? EventSelectorsJson, string? AdvancedEventSelectorsJson)
{
    public static TrailEventSelectors From(JsonElement e) => new(
        e.Text("TrailARN"), e.Child("EventSelectors")?.GetRawText(), e.Child("AdvancedEventSelectors")?.GetRawText());

    public bool MayRecordDataEvents =>
        (EventSelectorsJson?.Contains("\"DataResources\":[{", StringComparison.Ordinal) ?? false) ||
        (AdvancedEventSelectorsJson?.Contains("\"Data\"", StringComparison.Ordinal) ?? false);
}
