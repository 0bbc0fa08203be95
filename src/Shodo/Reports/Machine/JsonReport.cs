using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports.Sections;

namespace Shodo.Reports.Machine;

/// <summary>The same facts as the Markdown and HTML report, as one JSON document (<c>shodo-report/1</c>).</summary>
public static class JsonReport
{
    public const string Format = "shodo-report/1";

    public static JsonObject Build(ReportContext r)
    {
        var f = r.Facts;
        static string? Utc(DateTimeOffset? t) => t is { } x ? CaseTime.Format(x) : null;
        return new JsonObject
        {
            ["format"] = Format,
            ["language"] = r.Text.Japanese ? "ja" : "en",
            ["generatedAt"] = Utc(f.GeneratedAt),
            ["timeZone"] = r.Clock.Zone.Id,
            ["case"] = new JsonObject
            {
                ["id"] = f.Manifest.Id, ["title"] = f.Manifest.Title, ["accountId"] = f.AccountId,
                ["openedAt"] = Utc(f.Manifest.OpenedAt), ["folder"] = f.CaseDirectory,
            },
            ["summary"] = new JsonObject
            {
                ["began"] = Utc(SummarySection.Began(f)),
                ["detected"] = Utc(f.Manifest.OpenedAt),
                ["told"] = new JsonArray(f.Escalation.Sent.Select(s => (JsonNode)new JsonObject
                {
                    ["time"] = Utc(s.Time), ["level"] = s.Level, ["target"] = s.Target, ["channel"] = s.Channel, ["attempt"] = s.Attempt,
                }).ToArray()),
                ["acknowledged"] = f.Escalation.Acknowledged is { } ack
                    ? new JsonObject { ["time"] = Utc(ack.Time), ["by"] = ack.By, ["via"] = ack.Via } : null,
                ["state"] = SummarySection.State(r),
                // Contained only when verification found nothing remaining, nothing waits for a person or still runs, and every source was read.
                ["contained"] = f.Containment.LastCheck is null ? null : r.Current.IsContained,
                ["containment"] = r.Current.Verdict,
                ["sight"] = SightJson.Build(r),
                ["decisions"] = new JsonArray(Decisions.For(r).Select(d => (JsonNode)d!).ToArray()),
            },
            ["impact"] = f.Impact is null ? null : Impact(r, f.Impact),
            ["currentState"] = CurrentStateJson.Build(r),
            ["timeline"] = new JsonArray(r.Timeline.Select(e => (JsonNode)new JsonObject
            {
                ["time"] = Utc(e.Time), ["response"] = e.Response, ["actor"] = e.Actor, ["region"] = e.Region,
                ["action"] = e.Action, ["description"] = e.Description, ["failed"] = e.Failed,
                ["eventId"] = e.Event?.EventId, ["sourceIp"] = e.Event?.SourceIp, ["userAgent"] = e.Event?.UserAgent, ["journalSeq"] = e.JournalSeq,
            }).ToArray()),
            ["identities"] = InvestigationFiles.ToNode(f.Identities),
            ["resources"] = InvestigationFiles.ToNode(f.Resources),
            ["findings"] = InvestigationFiles.ToNode(f.Findings),
            ["containment"] = new JsonObject
            {
                ["actions"] = new JsonArray(f.Containment.Actions.Select(a => (JsonNode)new JsonObject
                {
                    ["actionId"] = a.ActionId, ["target"] = a.Target, ["operation"] = a.Operation, ["description"] = a.Description,
                    ["before"] = a.Before?.DeepClone(), ["after"] = a.After?.DeepClone(), ["outcome"] = a.Outcome, ["reason"] = a.Reason,
                    ["outcomeAt"] = Utc(a.OutcomeAt), ["rolledBack"] = a.RolledBack,
                }).ToArray()),
                ["lastCheck"] = f.Containment.LastCheck is { } c ? new JsonObject
                {
                    ["time"] = Utc(c.Time), ["contained"] = c.Contained,
                    ["remaining"] = new JsonArray(c.Remaining.Select(x => (JsonNode)x!).ToArray()),
                    ["newResources"] = new JsonArray(c.NewResources.Select(x => (JsonNode)x!).ToArray()),
                } : null,
            },
            ["accounts"] = AccountsJson.Build(r),
            ["evidence"] = new JsonObject
            {
                ["journalEntries"] = f.Verification.JournalEntries,
                ["journalHead"] = f.Verification.JournalHead,
                ["intact"] = f.Verification.Intact,
                ["problems"] = new JsonArray(f.Verification.Findings.Select(x => (JsonNode)x.Problem!).ToArray()),
                ["verify"] = $"shodo case verify {f.CaseDirectory}",
                ["files"] = new JsonArray(f.Evidence.Select(e => (JsonNode)e.ToJson()).ToArray()),
            },
            ["coverage"] = new JsonObject
            {
                ["complete"] = f.Coverage.Complete,
                ["regions"] = new JsonArray(f.Coverage.Regions.Select(x => (JsonNode)x!).ToArray()),
                ["gaps"] = new JsonArray(f.Coverage.Holes.Select(h => (JsonNode)new JsonObject
                {
                    ["kind"] = h.Kind, ["region"] = h.Region, ["service"] = h.Service, ["operation"] = h.Operation, ["subject"] = h.Subject, ["detail"] = h.Detail,
                }).ToArray()),
                ["missingDocuments"] = new JsonArray(f.MissingDocuments.Select(x => (JsonNode)x!).ToArray()),
            },
            ["awsSupportCase"] = AwsSupportSection.Text(r),
        };
    }

    private static JsonObject Impact(ReportContext r, Impact impact)
    {
        var json = InvestigationFiles.ToNode(impact).AsObject();
        json["display"] = new JsonObject
        {
            ["currency"] = r.Money.Currency,
            ["rate"] = r.Money.Converts ? r.Options.Rate : null,
            ["totalSoFar"] = r.Money.Convert(impact.Cost.TotalSoFar),
            ["burnRatePerHour"] = r.Money.Convert(impact.Cost.BurnRatePerHour),
        };
        return json;
    }
}
