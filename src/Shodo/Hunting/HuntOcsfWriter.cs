using System.Globalization;
using System.Text.Json;
using Shodo.Investigation.Detections;
using Shodo.Investigation.Model;

namespace Shodo.Hunting;

/// <summary>
/// Matches as OCSF 1.1 Detection Finding events (class_uid 2004, category Findings), one per line:
/// the rule as the finding's analytic, ATT&amp;CK techniques from its tags, the cloud, API, actor and
/// source address from the record, and the record itself as raw_data.
/// </summary>
public sealed class HuntOcsfWriter(TextWriter output) : IHuntMatchSink
{
    public const int DetectionFindingClass = 2004;
    private readonly Lock _gate = new();

    public void Write(HuntMatch match)
    {
        var severity = match.Rule.FindingSeverity();
        var time = DateTimeOffset.TryParse(match.EventTime, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;
        lock (_gate)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteNumber("class_uid", DetectionFindingClass);
                json.WriteString("class_name", "Detection Finding");
                json.WriteNumber("category_uid", 2);
                json.WriteString("category_name", "Findings");
                json.WriteNumber("activity_id", 1);
                json.WriteString("activity_name", "Create");
                json.WriteNumber("type_uid", DetectionFindingClass * 100 + 1);
                json.WriteNumber("severity_id", SeverityId(severity));
                json.WriteString("severity", severity.ToString());
                json.WriteNumber("status_id", 1);
                json.WriteString("status", "New");
                if (time is { } at) json.WriteNumber("time", at.ToUnixTimeMilliseconds());
                json.WriteStartObject("metadata");
                json.WriteString("version", "1.1.0");
                json.WriteStartObject("product");
                json.WriteString("name", "Shodo");
                json.WriteString("vendor_name", "Shodo");
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("finding_info");
                json.WriteString("uid", $"{match.Rule.Id}:{match.EventId ?? match.File + "#" + match.RecordIndex}");
                json.WriteString("title", match.Rule.Title);
                if (match.Rule.Description is { } description) json.WriteString("desc", description);
                json.WriteStartObject("analytic");
                json.WriteString("uid", match.Rule.Id);
                json.WriteString("name", match.Rule.Title);
                json.WriteNumber("type_id", 1);
                json.WriteString("type", "Rule");
                json.WriteEndObject();
                json.WriteStartArray("attacks");
                foreach (var technique in match.Rule.Techniques)
                {
                    json.WriteStartObject();
                    json.WriteStartObject("technique");
                    json.WriteString("uid", technique);
                    json.WriteEndObject();
                    json.WriteString("version", "14");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                HuntJson.WriteStrings(json, "src_url", match.Rule.References.Take(1));
                json.WriteEndObject();
                json.WriteStartObject("cloud");
                json.WriteString("provider", "AWS");
                json.WriteString("region", match.Region);
                json.WriteEndObject();
                json.WriteStartObject("api");
                json.WriteString("operation", match.EventName);
                json.WriteStartObject("service");
                json.WriteString("name", match.EventSource);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("actor");
                json.WriteStartObject("user");
                json.WriteString("uid", match.PrincipalArn);
                json.WriteString("credential_uid", match.AccessKeyId);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("src_endpoint");
                json.WriteString("ip", match.SourceIp);
                json.WriteEndObject();
                json.WriteStartObject("unmapped");
                json.WriteString("file", match.File);
                json.WriteNumber("record_index", match.RecordIndex);
                json.WriteString("rule_author", match.Rule.Author);
                json.WriteEndObject();
                json.WriteString("raw_data", match.RawJson);
                json.WriteEndObject();
            }
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            output.Write('\n');
            output.Flush();
        }
    }

    private static int SeverityId(Severity severity) => severity switch
    {
        Severity.Informational => 1,
        Severity.Low => 2,
        Severity.Medium => 3,
        Severity.High => 4,
        _ => 5,
    };
}
