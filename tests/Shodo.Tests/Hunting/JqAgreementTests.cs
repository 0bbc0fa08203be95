using Shodo.Hunting;
using Shodo.Hunting.Jq;
using Shodo.Sigma;
using Shodo.Tests.Archives;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Hunting;

/// <summary>
/// The rules compiled to a jq filter, run by the real jq over the test archives, find exactly the
/// (rule, event) pairs the local engine finds.
/// </summary>
public sealed class JqAgreementTests
{
    private sealed class Collect : IHuntMatchSink
    {
        public List<(string, string)> Pairs { get; } = [];
        public void Write(HuntMatch match) { lock (Pairs) Pairs.Add((match.Rule.Id, match.EventId ?? "")); }
    }

    private static async Task<(List<(string, string)> Local, List<(string, string)> Jq, JqCompilation Compiled)> Both(IReadOnlyList<SigmaRule> rules, string dir)
    {
        var compilation = new SigmaJqCompiler().Compile(rules);
        var local = new Collect();
        await new HuntRunner(compilation.Compiled, new Shodo.Investigation.Sources.Archives.LocalTrailLogStore(dir), new HuntOptions()).RunAsync(local);
        var jq = await JqHunt.RunAsync(dir, compilation.Filter);
        return (local.Pairs.Order().ToList(), jq.Order().ToList(), compilation);
    }

    private static void WriteAsDelivered(string dir)
    {
        foreach (var file in TrailTestData.DetonationFiles)
            ArchiveSamples.Write(dir, $"AWSLogs/1/CloudTrail/us-east-1/{Path.GetFileNameWithoutExtension(file)}.json.gz",
                ArchiveSamples.Gzip(ArchiveSamples.Envelope(ArchiveSamples.Records(Path.GetFileName(file)))));
    }

    [Fact]
    public async Task Built_in_rules_agree_on_every_match_over_the_detonation_archive()
    {
        using var dir = new TempFolder();
        WriteAsDelivered(dir.Path);

        var (local, jq, compiled) = await Both(HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn), dir.Path);

        Assert.True(compiled.NotCompiled.Count == 0, string.Join("\n", compiled.NotCompiled.Select(n => $"{n.Rule.Path}: {n.Reason}")));
        Assert.NotEmpty(local);
        Assert.True(local.SequenceEqual(jq), "only local: " + string.Join(", ", local.Except(jq)) + "\nonly jq: " + string.Join(", ", jq.Except(local)));
    }

    [Theory]
    [MemberData(nameof(SqlAgreementTests.Detections), MemberType = typeof(SqlAgreementTests))]
    public async Task Each_modifier_and_condition_form_agrees(string detection)
    {
        using var dir = new TempFolder();
        WriteAsDelivered(dir.Path);

        var (local, jq, compiled) = await Both([EdgeCaseTrail.Rule(detection)], dir.Path);

        if (compiled.NotCompiled.Count > 0)
        {
            Assert.Contains("cidr", detection);
            Assert.Contains("SigmaCidr", compiled.NotCompiled[0].Reason);
            return;
        }
        Assert.Equal(local, jq);
    }

    [Theory]
    [MemberData(nameof(EdgeCaseTrail.Detections), MemberType = typeof(EdgeCaseTrail))]
    public async Task Arrays_keywords_and_field_references_agree_on_the_edge_cases(string detection, string expected)
    {
        using var dir = new TempFolder();
        EdgeCaseTrail.Write(dir.Path);

        var (local, jq, compiled) = await Both([EdgeCaseTrail.Rule(detection)], dir.Path);

        Assert.Empty(compiled.NotCompiled);
        Assert.Equal(EdgeCaseTrail.Ids(expected), local.Select(p => p.Item2).ToList());
        Assert.Equal(local, jq);
    }

    [Fact]
    public void A_rule_the_filter_cannot_express_is_listed_with_the_reason()
    {
        var compiled = new SigmaJqCompiler().Compile([EdgeCaseTrail.Rule("sel: {sourceIPAddress|cidr: '10.0.0.0/8'}\n    condition: sel")]);

        Assert.Empty(compiled.Compiled);
        Assert.Contains("not compiled", Assert.Single(compiled.NotCompiled).Reason);
    }
}
