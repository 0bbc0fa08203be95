using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// Turns a served call into a CloudTrail record with AWS's fields, in AWS's order. errorCode and
/// errorMessage appear only on failures; requestParameters and responseElements are null when absent.
/// S3 events carry a resources list, as AWS writes them.
/// </summary>
public static class CloudTrailRecord
{
    public const string EventVersion = "1.08";

    public static JsonObject From(CallRecord call, string recipientAccountId)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = EventVersion,
            ["userIdentity"] = UserIdentity.From(call.Caller, recipientAccountId),
            ["eventTime"] = CloudTrailTime.Format(call.Time),
            ["eventSource"] = call.EventSource,
            ["eventName"] = call.EventName,
            ["awsRegion"] = call.Region,
            ["sourceIPAddress"] = call.SourceIp,
            ["userAgent"] = call.UserAgent,
        };
        if (call.ErrorCode is not null)
        {
            record["errorCode"] = call.ErrorCode;
            record["errorMessage"] = call.ErrorMessage ?? "";
        }
        record["requestParameters"] = call.RequestParameters?.DeepClone();
        record["responseElements"] = call.ResponseElements?.DeepClone();
        record["requestID"] = call.RequestId;
        record["eventID"] = call.EventId;
        record["readOnly"] = call.ReadOnly;
        if (call.Service == "s3") record["resources"] = S3Resources(call, recipientAccountId, call.Caller?.Arn.Split(':') is { Length: > 1 } arn ? arn[1] : RangePartitions.Aws);
        record["eventType"] = "AwsApiCall";
        record["managementEvent"] = call.EventCategory == "Management";
        record["recipientAccountId"] = recipientAccountId;
        record["eventCategory"] = call.EventCategory;
        return record;
    }

    private static JsonArray S3Resources(CallRecord call, string accountId, string partition)
    {
        var resources = new JsonArray();
        var bucket = call.RequestParameters?["bucketName"]?.GetValue<string>();
        if (bucket is null) return resources;
        var key = call.RequestParameters?["key"]?.GetValue<string>();
        if (key is not null)
            resources.Add(new JsonObject { ["type"] = "AWS::S3::Object", ["ARN"] = $"arn:{partition}:s3:::{bucket}/{key}" });
        resources.Add(new JsonObject
        {
            ["accountId"] = accountId, ["type"] = "AWS::S3::Bucket", ["ARN"] = $"arn:{partition}:s3:::{bucket}",
        });
        return resources;
    }
}
