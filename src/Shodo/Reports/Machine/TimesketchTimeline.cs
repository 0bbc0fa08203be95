using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Reports.Facts;

namespace Shodo.Reports.Machine;

/// <summary>
/// The one-axis timeline as Timesketch JSON Lines: every line has <c>message</c>, <c>datetime</c>
/// (ISO 8601, UTC) and <c>timestamp_desc</c>, plus the event's fields for filtering.
/// </summary>
public static class TimesketchTimeline
{
    public static string Render(ReportContext r)
    {
        var sb = new StringBuilder();
        foreach (var e in r.Timeline)
            sb.Append(JsonSerializer.Serialize(Line(r, e), MachineJson.Line)).Append('\n');
        return sb.ToString();
    }

    public static JsonObject Line(ReportContext r, TimelineEntry e)
    {
        var json = new JsonObject
        {
            ["message"] = $"{e.Actor}: {e.Description}",
            ["datetime"] = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["timestamp"] = e.Time.ToUnixTimeMilliseconds() * 1000,
            ["timestamp_desc"] = e.Response ? "Response Step Recorded" : "Event Recorded",
            ["data_type"] = e.Response ? "shodo:journal:entry" : "aws:cloudtrail:event",
            ["actor"] = e.Actor,
            ["action"] = e.Action,
            ["shodo_case_id"] = r.Facts.Manifest.Id,
        };
        if (e.Region is not null) json["region"] = e.Region;
        if (e.Event is { } t)
        {
            json["event_id"] = t.EventId;
            json["event_source"] = t.EventSource;
            json["event_name"] = t.EventName;
            if (t.SourceIp is not null) json["source_ip"] = t.SourceIp;
            if (t.UserAgent is not null) json["user_agent"] = t.UserAgent;
            if (t.ErrorCode is not null) json["error_code"] = t.ErrorCode;
            if (t.AccessKeyId is not null) json["access_key_id"] = t.AccessKeyId;
            if (t.PrincipalArn is not null) json["principal_arn"] = t.PrincipalArn;
        }
        if (e.JournalKind is not null) json["journal_kind"] = e.JournalKind;
        if (e.JournalSeq is not null) json["journal_seq"] = e.JournalSeq;
        return json;
    }
}
