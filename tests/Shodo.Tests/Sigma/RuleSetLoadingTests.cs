using Shodo.Investigation.Detections;
using Shodo.Diagnostics;
using Shodo.Sigma;
using Shodo.Sigma.Detection;

namespace Shodo.Tests.Sigma;

public sealed class RuleSetLoadingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shodo-sigma-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Good = """
        title: Trail stopped
        id: 5f3c7a4e-0000-4000-8000-000000000001
        status: stable
        description: Logging was stopped.
        author: Someone
        references:
            - https://example.com/stop
        tags:
            - attack.defense_evasion
            - attack.t1562.008
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName: StopLogging
            condition: selection
        falsepositives:
            - Planned changes
        level: high
        x-shodo:
            tactic: defense-evasion
            summary:
                en: The audit log was stopped.
                ja: 監査ログが停止されました。
        x-other: [1, 2]
        """;

    [Fact]
    public void A_directory_loads_good_rules_reports_bad_ones_and_skips_aggregations()
    {
        var good = Write("good.yml", Good);
        var noCondition = Write("sub/no-condition.yaml", "title: x\nid: a\nlogsource:\n    product: aws\ndetection:\n    sel:\n        a: 1\n");
        var badYaml = Write("bad-yaml.yml", "title: x\ndetection:\n    sel: [unclosed\n");
        var badLevel = Write("bad-level.yml", "title: x\nid: b\ndetection:\n    sel:\n        a: 1\n    condition: sel\nlevel: severe\n");
        var aggregate = Write("count.yml", "title: Many calls\nid: c\ndetection:\n    sel:\n        a: 1\n    condition: sel | count() > 5\n");
        Write("notes.txt", "not a rule");

        var set = SigmaRuleSet.Load(_dir);

        var rule = Assert.Single(set.Rules);
        Assert.Equal(good, rule.Path);
        Assert.Equal(3, set.Problems.Count);
        Assert.Contains(set.Problems, p => p.Path == noCondition && p.Line == 5 && p.Message.Contains("no 'condition'"));
        Assert.Contains(set.Problems, p => p.Path == badYaml && p.Line >= 3 && p.Message.StartsWith("invalid YAML"));
        Assert.Contains(set.Problems, p => p.Path == badLevel && p.Line == 7 && p.Message.Contains("severe"));
        var skipped = Assert.Single(set.Skipped);
        Assert.Equal(aggregate, skipped.Path);
        Assert.Equal("Many calls", skipped.Title);
        Assert.Equal(6, skipped.Line);
        Assert.Contains($"{badLevel}:7:", set.Problems.Single(p => p.Path == badLevel).ToString());
    }

    [Fact]
    public void Metadata_and_shodo_data_are_kept()
    {
        var rule = SigmaRule.Parse(Good, "good.yml");
        Assert.Equal("5f3c7a4e-0000-4000-8000-000000000001", rule.Id);
        Assert.Equal("Trail stopped", rule.Title);
        Assert.Equal(SigmaLevel.High, rule.Level);
        Assert.Equal(Shodo.Investigation.Model.Severity.High, rule.FindingSeverity());
        Assert.Equal("stable", rule.Status);
        Assert.Equal("Someone", rule.Author);
        Assert.Equal(["https://example.com/stop"], rule.References);
        Assert.Equal(["T1562.008"], rule.Techniques);
        Assert.Equal(["defense-evasion"], rule.Tactics);
        Assert.Equal(["Planned changes"], rule.Falsepositives);
        Assert.True(rule.LogSource.IsCloudTrail);
        Assert.Equal("defense-evasion", rule.Shodo!.Tactic);
        Assert.Equal("監査ログが停止されました。", rule.Shodo.Summary("ja"));
        Assert.Equal("The audit log was stopped.", rule.Shodo.Summary("fr"));
        Assert.Equal(2, rule.CustomAttributes["x-other"]!.AsArray().Count);
        Assert.True(rule.CustomAttributes.ContainsKey("x-shodo"));
        var reference = rule.ToReference();
        Assert.Equal(rule.Id, reference.Id);
        Assert.Equal("good.yml", reference.Path);
        Assert.IsType<FieldDetection>(rule.Detection.Searches["selection"]);
    }

    [Fact]
    public void Duplicate_ids_are_reported_and_the_first_rule_kept()
    {
        Write("a.yml", Good);
        var second = Write("b.yml", Good.Replace("Trail stopped", "Copy"));
        var set = SigmaRuleSet.Load(_dir);
        Assert.Equal("Trail stopped", Assert.Single(set.Rules).Title);
        Assert.Contains("already used", Assert.Single(set.Problems, p => p.Path == second).Message);
    }

    [Fact]
    public void Several_documents_in_one_file_are_several_rules_and_collections_are_skipped()
    {
        Write("multi.yml", Good + "\n---\n" + Good.Replace("5f3c7a4e-0000-4000-8000-000000000001", "second-id")
                           + "\n---\naction: global\ntitle: Shared\n");
        var set = SigmaRuleSet.Load(_dir);
        Assert.Equal(2, set.Rules.Count);
        Assert.Contains("action: global", Assert.Single(set.Skipped).Reason);
    }

    [Fact]
    public void A_missing_rules_directory_is_a_usage_error()
    {
        var error = Assert.Throws<ShodoException>(() => SigmaRuleSet.Load(Path.Combine(_dir, "nope")));
        Assert.Equal(ExitCode.Usage, error.Diagnostic.Code);
    }
}

public class RuleShapeTests
{
    [Theory]
    [InlineData("title: x\ndetection:\n    ? [a, b]\n    : 1\n    condition: sel\n", "where a name was expected")]
    [InlineData("- just\n- a list\n", "must be a YAML map")]
    [InlineData("title: x\ndetection:\n    sel:\n        a:\n            b: c\n    condition: sel\n", "not a map")]
    [InlineData("title: x\ndetection:\n    sel: []\n    condition: sel\n", "empty list")]
    [InlineData("title: x\ndetection:\n    sel:\n        a: []\n    condition: sel\n", "empty list of values")]
    [InlineData("title: x\ndetection: yes\n", "'detection' must be a map")]
    [InlineData("detection:\n    sel:\n        a: 1\n    condition: sel\n", "no 'title'")]
    [InlineData("title: x\ndetection:\n    condition: sel\n", "no search identifiers")]
    public void Malformed_rules_are_problems_not_crashes(string yaml, string message)
    {
        var error = Assert.Throws<SigmaRuleException>(() => SigmaRule.Parse(yaml, "bad.yml"));
        Assert.Contains(message, Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void The_summary_falls_back_to_description_then_title()
    {
        var withDescription = SigmaRule.Parse("title: T\ndescription: D\ndetection:\n    s:\n        a: 1\n    condition: s\n");
        Assert.Equal("D", withDescription.SummaryFor("ja"));
        var bare = SigmaRule.Parse("title: T\ndetection:\n    s:\n        a: 1\n    condition: s\n");
        Assert.Equal("T", bare.SummaryFor("en"));
        Assert.Equal(Shodo.Investigation.Model.Severity.Informational, bare.FindingSeverity());
    }
}

public class LogSourceFilterTests
{
    [Fact]
    public void Only_cloudtrail_rules_are_kept_for_hunting()
    {
        var set = SigmaRuleSet.FromYaml([
            ("aws.yml", "title: A\nid: a\nlogsource:\n    product: aws\n    service: cloudtrail\ndetection:\n    s:\n        a: 1\n    condition: s\n"),
            ("aws-any.yml", "title: B\nid: b\nlogsource:\n    product: AWS\ndetection:\n    s:\n        a: 1\n    condition: s\n"),
            ("win.yml", "title: C\nid: c\nlogsource:\n    product: windows\n    category: process_creation\ndetection:\n    s:\n        Image|endswith: '\\cmd.exe'\n    condition: s\n"),
            ("broken.yml", "title: D\n"),
        ]);
        var cloudTrail = set.OnlyCloudTrail();
        Assert.Equal(["A", "B"], cloudTrail.Rules.Select(r => r.Title));
        Assert.Single(cloudTrail.Problems);
    }
}
