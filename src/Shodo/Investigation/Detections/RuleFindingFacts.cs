using Shodo.Investigation.Model;
using Shodo.Sigma;

namespace Shodo.Investigation.Detections;

/// <summary>What a finding takes from the Sigma rule that raised it: its severity (from <c>level:</c>; none is informational) and its metadata.</summary>
public static class RuleFindingFacts
{
    public static Severity ToSeverity(this SigmaLevel level) => level switch
    {
        SigmaLevel.Informational => Severity.Informational,
        SigmaLevel.Low => Severity.Low,
        SigmaLevel.Medium => Severity.Medium,
        SigmaLevel.High => Severity.High,
        _ => Severity.Critical,
    };

    public static Severity FindingSeverity(this SigmaRule rule) => (rule.Level ?? SigmaLevel.Informational).ToSeverity();

    /// <summary>The rule's metadata a finding carries.</summary>
    public static RuleReference ToReference(this SigmaRule rule) =>
        new(rule.Id, rule.Title, rule.Author, rule.Status, rule.References, rule.Tags, rule.Path);
}
