using System.Text.Json;
using Shodo.Hunting;
using Shodo.Hunting.Sql;
using Shodo.Sigma;
using Shodo.Tests.Archives;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Hunting;

/// <summary>
/// The rules compiled to SQL, executed by DuckDB over the test archives laid out as Athena's CloudTrail
/// table, find exactly the (rule, event) pairs the local engine finds.
/// </summary>
public sealed class SqlAgreementTests
{
    private sealed class Collect : IHuntMatchSink
    {
        public List<(string, string)> Pairs { get; } = [];
        public void Write(HuntMatch match) { lock (Pairs) Pairs.Add((match.Rule.Id, match.EventId ?? "")); }
    }

    private static async Task<(List<(string, string)> Local, List<(string, string)> Sql, SqlCompilation Compiled)> Both(
        IReadOnlyList<SigmaRule> rules, string dir, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var compilation = new SigmaSqlCompiler(SqlDialect.DuckDb).Compile(rules, "cloudtrail", since, until);
        var local = new Collect();
        await new Shodo.Hunting.HuntRunner(compilation.Compiled, new Shodo.Trail.Archives.LocalTrailLogStore(dir),
            new HuntOptions { Since = since, Until = until }).RunAsync(local);
        var sql = DuckDbHunt.Run(Path.Combine(dir, "**", "*.json.gz"), compilation.Query);
        return (local.Pairs.Order().ToList(), sql.Order().ToList(), compilation);
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

        var (local, sql, compiled) = await Both(HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn), dir.Path);

        Assert.True(compiled.NotCompiled.Count == 0,
            string.Join("\n", compiled.NotCompiled.Select(n => $"{n.Rule.Path}: {n.Reason}")));
        Assert.NotEmpty(local);
        Assert.True(local.SequenceEqual(sql), "only local: " + string.Join(", ", local.Except(sql)) + "\nonly sql: " + string.Join(", ", sql.Except(local)));
    }

    [Fact]
    public async Task Time_windows_agree()
    {
        using var dir = new TempFolder();
        WriteAsDelivered(dir.Path);
        var since = new DateTimeOffset(2024, 7, 31, 13, 0, 0, TimeSpan.Zero);

        var (local, sql, _) = await Both(HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn), dir.Path, since, since.AddDays(30));

        Assert.Equal(local, sql);
    }

    public static TheoryData<string> Detections => new()
    {
        "sel: {eventName: StopLogging}\n    condition: sel",
        "sel: {eventName|startswith: 'get'}\n    condition: sel",
        "sel: {eventName|contains: 'secret'}\n    condition: sel",
        "sel: {eventName|endswith: 'Instances'}\n    condition: sel",
        "sel: {eventName: 'Get*Data'}\n    condition: sel",
        "sel: {eventName: 'GetSecretValu?'}\n    condition: sel",
        "sel: {eventName|cased: 'getsecretvalue'}\n    condition: sel",
        "sel: {errorCode: null}\n    condition: not sel",
        "sel: {errorCode|exists: true}\n    condition: sel",
        "sel: {readOnly: true}\n    condition: sel",
        "sel: {readOnly: false, eventSource: iam.amazonaws.com}\n    condition: sel",
        "sel: {eventName|re: '^(Get|List).*'}\n    condition: sel",
        "sel: {eventName|re|i: '^(get|list).*'}\n    condition: sel",
        "sel: {userIdentity.type: AssumedRole}\n    condition: sel",
        "sel: {userIdentity.sessionContext.sessionIssuer.type: Role}\n    condition: sel",
        "sel: {requestParameters.instanceType|startswith: 'p'}\n    condition: sel",
        "sel: {responseElements.ConsoleLogin: Success}\n    condition: sel",
        "a: {eventSource: ec2.amazonaws.com}\n    b: {eventName|startswith: Describe}\n    condition: a and not b",
        "a: {eventSource: ec2.amazonaws.com}\n    b: {eventSource: ssm.amazonaws.com}\n    c: {readOnly: true}\n    condition: 1 of a or b and c",
        "s1: {eventSource: ec2.amazonaws.com}\n    s2: {readOnly: false}\n    s3: {errorCode: null}\n    condition: 2 of s*",
        "s1: {eventSource: ec2.amazonaws.com}\n    s2: {readOnly: false}\n    condition: all of s*",
        "sel:\n      - eventName: RunInstances\n      - eventName|contains|all: [Secret, Value]\n    condition: sel",
        "sel: {sourceIPAddress|cidr: '86.0.0.0/8'}\n    condition: sel",
    };

    [Theory]
    [MemberData(nameof(Detections))]
    public async Task Each_modifier_and_condition_form_agrees(string detection)
    {
        using var dir = new TempFolder();
        WriteAsDelivered(dir.Path);
        var rule = SigmaRule.Parse($$"""
            title: form under test
            id: 11111111-2222-3333-4444-555555555555
            logsource: {product: aws, service: cloudtrail}
            detection:
                {{detection}}
            level: low
            """);

        var (local, sql, compiled) = await Both([rule], dir.Path);

        if (compiled.NotCompiled.Count > 0)
        {
            Assert.Contains("cidr", detection);
            return;
        }
        Assert.Equal(local, sql);
    }

    [Theory]
    [MemberData(nameof(EdgeCaseTrail.Detections), MemberType = typeof(EdgeCaseTrail))]
    public async Task Arrays_keywords_and_field_references_agree_on_the_edge_cases(string detection, string expected)
    {
        using var dir = new TempFolder();
        EdgeCaseTrail.Write(dir.Path);

        var (local, sql, compiled) = await Both([EdgeCaseTrail.Rule(detection)], dir.Path);

        Assert.Empty(compiled.NotCompiled);
        Assert.Equal(EdgeCaseTrail.Ids(expected), local.Select(p => p.Item2).ToList());
        Assert.Equal(local, sql);
    }
}
