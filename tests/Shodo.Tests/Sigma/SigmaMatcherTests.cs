using Shodo.Sigma;
using Shodo.Tests.Detections;
using static Shodo.Tests.Sigma.SigmaTestRules;

namespace Shodo.Tests.Sigma;

public class SigmaMatcherTests
{
    private static readonly SigmaRuleSet Mixed = SigmaRuleSet.FromYaml([
        ("named.yml", Wrap("sel:\n    eventName: [CreateUser, createaccesskey]\ncondition: sel").Replace("0001", "0011")),
        ("wild.yml", Wrap("sel:\n    eventName|startswith: Create\ncondition: sel").Replace("0001", "0012")),
        ("negated.yml", Wrap("sel:\n    eventName: CreateUser\ncondition: not sel").Replace("0001", "0013")),
        ("either.yml", Wrap("a:\n    eventName: StopLogging\nb:\n    errorCode: AccessDenied\ncondition: a or b").Replace("0001", "0014")),
        ("keywords.yml", Wrap("kw:\n    - xmrig\ncondition: kw").Replace("0001", "0015")),
    ]);

    [Theory]
    [InlineData("""{"eventName":"CreateUser"}""", "named,wild")]
    [InlineData("""{"eventName":"CREATEACCESSKEY"}""", "named,wild,negated")]
    [InlineData("""{"eventName":"CreateRole","errorCode":"AccessDenied"}""", "wild,negated,either")]
    [InlineData("""{"eventName":"StopLogging"}""", "negated,either")]
    [InlineData("""{"eventName":"RunInstances","keyName":"xmrig"}""", "negated,keywords")]
    [InlineData("""{"eventName":["CreateUser"]}""", "named,wild")]
    [InlineData("""{"other":1}""", "negated")]
    public void The_matcher_finds_exactly_what_each_rule_matches(string json, string expected)
    {
        Assert.Empty(Mixed.Problems);
        var record = Record(json);
        var names = new SigmaMatcher(Mixed.Rules).Match(record).Select(r => Path.GetFileNameWithoutExtension(r.Path!));
        Assert.Equal(expected.Split(','), names);
        Assert.Equal(expected.Split(','), Mixed.Rules.Where(r => r.Matches(record)).Select(r => Path.GetFileNameWithoutExtension(r.Path!)));
    }

    [Fact]
    public void The_matcher_agrees_with_every_rule_on_every_detonation_record()
    {
        var matcher = new SigmaMatcher(SigmaRuleSet.BuiltIn.Rules);
        var total = 0;
        foreach (var technique in DetonationLogs.Techniques())
            foreach (var record in DetonationLogs.Records(technique))
            {
                var expected = SigmaRuleSet.BuiltIn.Rules.Where(r => r.Matches(record)).ToList();
                Assert.Equal(expected, matcher.Match(record));
                total += expected.Count;
            }
        Assert.True(total > 36);
    }
}
