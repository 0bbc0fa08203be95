using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Escalation.Acknowledgement;

/// <summary>
/// What a case's journal already says about escalation: whether (and by whom) it was acknowledged,
/// which levels were notified, and which inbox requests were journaled. A new loop on the same case
/// (<c>shodo escalate</c> after <c>respond</c>) starts from here, so nothing is sent or journaled twice.
/// </summary>
public sealed record EscalationHistory(string? AcknowledgedBy, IReadOnlySet<int> NotifiedLevels, IReadOnlySet<string> JournaledRequests)
{
    public bool Acknowledged => AcknowledgedBy is not null;

    public static EscalationHistory Read(CaseFolder folder)
    {
        string? by = null;
        var levels = new HashSet<int>();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in JournalReader.Read(folder))
        {
            var kind = entry.Kind;
            var data = entry.Data;
            if (kind == EscalationJournalKinds.Acknowledged)
            {
                by ??= (string?)data?["by"];
                if ((string?)data?["request"] is { } request) requests.Add(request);
            }
            else if (kind == EscalationJournalKinds.Sent && data?["level"] is JsonValue v && v.TryGetValue<int>(out var level))
            {
                levels.Add(level);
            }
        }
        return new EscalationHistory(by, levels, requests);
    }
}
