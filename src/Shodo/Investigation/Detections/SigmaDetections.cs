using Shodo.Investigation.Model;
using Shodo.Sigma;

namespace Shodo.Investigation.Detections;

/// <summary>
/// Sigma rules (Shodo's built-in leaked-key playbook, or a rule set given) evaluated on the attacker's
/// events, each record as CloudTrail wrote it: one finding per rule that matched, its events grouped,
/// severity from the rule's level, ATT&amp;CK techniques from its tags, the summary from its
/// <c>x-shodo</c> data (else its title). Only attacker events are evaluated, so an account's ordinary
/// administration never becomes a finding.
/// </summary>
public sealed class SigmaDetections(SigmaRuleSet rules) : IDetection
{
    public IEnumerable<Finding> Detect(DetectionContext context)
    {
        foreach (var rule in rules.Rules)
        {
            var matched = context.AttackerEvents.Where(e => rule.Matches(e.Raw)).ToList();
            if (matched.Count == 0) continue;
            yield return FindingFactory.Create(rule.Id, rule.Title, rule.FindingSeverity(), rule.Techniques,
                rule.Shodo?.Tactic ?? rule.Tactics.FirstOrDefault(),
                Localization.LocalText.Languages.ToDictionary(l => l, l => rule.Shodo?.Summary(l) ?? rule.Description ?? rule.Title),
                matched, context, matched.SelectMany(Timeline.TouchedResources.Of).Distinct(StringComparer.Ordinal).ToList(),
                rule.ToReference());
        }
    }
}
