using System.Security.Cryptography;
using System.Text;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Detections;

/// <summary>Builds a finding from its supporting events: stable id (rule id + short hash of the event ids), identities, time span.</summary>
public static class FindingFactory
{
    public static Finding Create(string ruleId, string title, Severity severity, IReadOnlyList<string> techniques, string? tactic,
        IReadOnlyDictionary<string, string> summaries, IReadOnlyList<TrailRecord> events, DetectionContext context, IReadOnlyList<string>? resources = null,
        RuleReference? rule = null)
    {
        var ids = events.Select(e => e.EventId).Distinct().Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", ids))))[..12];
        return new Finding
        {
            Id = $"{ruleId}-{hash}", RuleId = ruleId, Title = title, Severity = severity, Techniques = techniques, Tactic = tactic,
            Summary = Localization.LocalText.English(summaries), Summaries = summaries, EventIds = ids,
            Identities = events.Select(context.IdentityOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            Resources = resources ?? [],
            FirstSeen = events.Count > 0 ? events.Min(e => e.EventTime) : null,
            LastSeen = events.Count > 0 ? events.Max(e => e.EventTime) : null,
            Rule = rule,
        };
    }
}
