using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Timeline;

/// <summary>
/// timeline.jsonl: the attacker identities' events (and related ones, marked), deduplicated, oldest
/// first, one TrailRecord-like object per line without the raw record, plus the identity it belongs to,
/// the resources it touched and every source it was read from.
/// </summary>
public static class TimelineFile
{
    public static Task<DocumentRecord> WriteAsync(Case @case, IReadOnlyList<TrailRecord> events,
        IReadOnlyDictionary<string, string> identityOf, IReadOnlyDictionary<string, string> confidenceOf,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sources, CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var e in events.OrderBy(e => e.EventTime).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            var line = new JsonObject
            {
                ["eventId"] = e.EventId, ["eventTime"] = e.EventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
                ["eventSource"] = e.EventSource, ["eventName"] = e.EventName, ["region"] = e.Region, ["sourceIp"] = e.SourceIp,
                ["userAgent"] = e.UserAgent, ["errorCode"] = e.ErrorCode, ["errorMessage"] = e.ErrorMessage,
                ["accessKeyId"] = e.AccessKeyId, ["principalArn"] = e.PrincipalArn, ["userName"] = e.UserName,
                ["identityType"] = e.IdentityType, ["accountId"] = e.AccountId, ["readOnly"] = e.ReadOnly,
                ["eventCategory"] = e.EventCategory, ["source"] = e.Source,
                ["identity"] = identityOf.GetValueOrDefault(e.EventId),
                ["confidence"] = confidenceOf.GetValueOrDefault(e.EventId),
                ["resources"] = new JsonArray(TouchedResources.Of(e).Select(r => (JsonNode)r!).ToArray()),
                ["sources"] = new JsonArray((sources.GetValueOrDefault(e.EventId) ?? [e.Source]).Select(s => (JsonNode)s!).ToArray()),
            };
            foreach (var key in line.Where(p => p.Value is null).Select(p => p.Key).ToList()) line.Remove(key);
            text.Append(line.ToJsonString()).Append('\n');
        }
        return @case.Documents.WriteAsync(InvestigationFiles.Timeline, Encoding.UTF8.GetBytes(text.ToString()), InvestigationJournalKinds.Producer, ct);
    }

    /// <summary>
    /// The events of the case's timeline.jsonl, as written (oldest first); none when the investigation has not
    /// written it. A line that is not an event (unreadable, or without a time or name) throws
    /// <see cref="System.Text.Json.JsonException"/>: the timeline is not shown with events missing from it.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> Read(CaseFolder folder)
    {
        if (folder.Read(InvestigationFiles.Timeline) is not { } bytes) return [];
        var events = new List<TimelineEvent>();
        var number = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var json = JsonNode.Parse(line, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = CanonicalJson.MaxDepth }) as JsonObject;
            events.Add(json is not null && TimelineEvent.FromJson(json) is { } e ? e
                : throw new System.Text.Json.JsonException($"{InvestigationFiles.Timeline} line {number} is not a timeline event."));
        }
        return events;
    }
}
