using System.Text.Json;
using Shodo.Aws.Protocols;
using Shodo.Sigma;

namespace Shodo.Hunting;

/// <summary>
/// One rule matching one record: the rule (its metadata travels with every match, as the Detection
/// Rule License asks), the record's key fields, where it was read, and the record as written.
/// </summary>
public sealed record HuntMatch(
    SigmaRule Rule, string? EventTime, string? EventId, string? EventName, string? EventSource, string? Region,
    string? SourceIp, string? PrincipalArn, string? AccessKeyId, string File, long RecordIndex, string RawJson)
{
    public static HuntMatch From(SigmaRule rule, JsonElement record, string file, long index)
    {
        var identity = record.Child("userIdentity") ?? default;
        return new HuntMatch(rule, record.Text("eventTime"), record.Text("eventID"), record.Text("eventName"),
            record.Text("eventSource"), record.Text("awsRegion"), record.Text("sourceIPAddress"),
            identity.Text("arn"), identity.Text("accessKeyId"), file, index, record.GetRawText());
    }
}
