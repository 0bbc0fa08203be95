using System.Text.RegularExpressions;
using Shodo.Sigma;

namespace Shodo.Tests.Detections;

public partial class BuiltInRulesTests
{
    private static readonly SigmaRuleSet BuiltIn = SigmaRuleSet.BuiltIn;

    [Fact]
    public void Every_built_in_rule_loads_without_problems()
    {
        Assert.Empty(BuiltIn.Problems);
        Assert.Empty(BuiltIn.Skipped);
        Assert.True(BuiltIn.Rules.Count >= 40, $"only {BuiltIn.Rules.Count} built-in rules");
    }

    [Fact]
    public void Every_built_in_rule_has_the_metadata_a_finding_needs()
    {
        foreach (var rule in BuiltIn.Rules)
        {
            Assert.True(Guid.TryParse(rule.Id, out _), $"{rule.Path}: id {rule.Id} is not a UUID");
            Assert.StartsWith("builtin:cloudtrail/", rule.Path);
            Assert.NotNull(rule.Level);
            Assert.True(rule.LogSource.IsCloudTrail, $"{rule.Path}: logsource");
            Assert.NotEmpty(rule.Techniques);
            Assert.All(rule.Techniques, t => Assert.Matches(AttackTechnique(), t));
            Assert.NotEmpty(rule.Tactics);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{rule.Path}: description");
            Assert.NotEmpty(rule.Falsepositives);
            Assert.NotNull(rule.Shodo);
            Assert.False(string.IsNullOrWhiteSpace(rule.Shodo!.Tactic), $"{rule.Path}: x-shodo.tactic");
            Assert.Contains(rule.Shodo.Tactic!, rule.Tactics);
            Assert.False(string.IsNullOrWhiteSpace(rule.Shodo.Summaries.GetValueOrDefault("en")), $"{rule.Path}: English summary");
            Assert.Matches(Japanese(), rule.Shodo.Summaries.GetValueOrDefault("ja") ?? "");
        }
        Assert.Equal(BuiltIn.Rules.Count, BuiltIn.Rules.Select(r => r.Id).Distinct().Count());
    }

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$")]
    private static partial Regex AttackTechnique();

    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff]")]
    private static partial Regex Japanese();
}
