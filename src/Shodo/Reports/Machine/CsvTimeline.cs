using System.Text;
using Shodo.Cases;
using Shodo.Reports.Escaping;

namespace Shodo.Reports.Machine;

/// <summary>
/// The one-axis timeline as CSV for a spreadsheet (UTF-8 with BOM, CRLF, headers in the report's
/// language). Every cell goes through <see cref="CsvText"/>: no formula can run.
/// </summary>
public static class CsvTimeline
{
    public static string Render(ReportContext r)
    {
        var t = r.Text;
        var sb = new StringBuilder("\uFEFF");
        CsvText.AppendRow(sb,
        [
            t.Get("CsvLocalTime", r.Clock.ZoneName), t["CsvUtcTime"], t["CsvLane"], t["Who"], t["Region"], t["CsvEventSource"], t["CsvEventName"],
            t["What"], t["SourceIp"], t["UserAgent"], t["CsvErrorCode"], t["CsvAccessKey"], t["CsvEventId"],
        ]);
        foreach (var e in r.Timeline)
            CsvText.AppendRow(sb,
            [
                r.Clock.Format(e.Time), CaseTime.Format(e.Time), e.Response ? t["Responder"] : t["CsvAttackerLane"], e.Actor, e.Region,
                e.Event?.EventSource, e.Event?.EventName ?? e.JournalKind, e.Description, e.Event?.SourceIp, e.Event?.UserAgent,
                e.Event?.ErrorCode, e.Event?.AccessKeyId, e.Event?.EventId ?? (e.JournalSeq is { } seq ? "journal#" + seq : null),
            ]);
        return sb.ToString();
    }
}
