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
        await new HuntRunner(compilation.Compiled, new Shodo.Trail.Archives.LocalTrailLogStore(dir), new HuntOptions()).RunAsync(local);
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

        Assert.Empty(compiled.NotCompiled);
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

    private static readonly string[] Addresses =
    [
        "198.51.100.7", "2001:db8::1", "::ffff:198.51.100.9", "ec2.amazonaws.com", "2001:db8:0:0:0:0:0:ff", "10.1.2.3",
        "2001:0db8:85a3::8a2e:0370:7334", "fe80::1%eth0", "256.1.1.1", "::198.51.100.7", "1:2:3:4:5:6:7:8:9", "",
    ];

    [Theory]
    [InlineData("198.51.100.0/24", "c0 c2")]
    [InlineData("198.51.100.7", "c0")]
    [InlineData("10.0.0.0/8", "c5")]
    [InlineData("0.0.0.0/0", "c0 c2 c5")]
    [InlineData("2001:db8::/32", "c1 c4 c6")]
    [InlineData("2001:db8::/127", "c1")]
    [InlineData("2001:db8:85a3::/48", "c6")]
    [InlineData("fe80::/10", "c7")]
    [InlineData("::ffff:0:0/96", "")]
    [InlineData("::/0", "c1 c2 c4 c6 c7 c9")]
    public async Task Cidr_agrees_for_ipv4_ipv6_and_mapped_addresses(string network, string expected)
    {
        using var dir = new TempFolder();
        var records = Addresses.Select((a, i) => (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(
            $$"""{"eventID": "c{{i}}", "eventName": "ConsoleLogin", "sourceIPAddress": {{System.Text.Json.JsonSerializer.Serialize(a)}}}""")!).ToList();
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail/us-east-1/addresses.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));

        var (local, jq, compiled) = await Both([EdgeCaseTrail.Rule($"sel: {{sourceIPAddress|cidr: '{network}'}}\n    condition: sel")], dir.Path);

        Assert.Empty(compiled.NotCompiled);
        Assert.Equal(EdgeCaseTrail.Ids(expected), local.Select(p => p.Item2).ToList());
        Assert.Equal(local, jq);
    }

    [Fact]
    public void A_rule_the_filter_cannot_express_is_listed_with_the_reason()
    {
        var compiled = new SigmaJqCompiler().Compile([EdgeCaseTrail.Rule("sel: {eventName: StopLogging}\n    timeframe: 5m\n    condition: sel")]);

        Assert.Empty(compiled.Compiled);
        Assert.Contains("timeframe", Assert.Single(compiled.NotCompiled).Reason);
    }
}
