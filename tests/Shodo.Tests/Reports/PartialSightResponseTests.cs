using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Drill;
using Shodo.Drill.Rehearsal;
using Shodo.Range;
using Shodo.Reports;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Tests.Response;

namespace Shodo.Tests.Reports;

/// <summary>
/// A real response with one region's events unreadable (the responder is denied LookupEvents in eu-west-1, where the
/// attacker launched instances): the report says "at least", names eu-west-1 and why, and does not say contained.
/// </summary>
public sealed class PartialSightResponseTests : IAsyncLifetime
{
    private const string Region = "eu-west-1";
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        lock (_range.State.Sync)
            _range.State.Iam.User(RangeHost.ResponderUserName)!.InlinePolicies["deny-lookup-" + Region] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Deny", ["Action"] = "cloudtrail:LookupEvents", ["Resource"] = "*",
                    ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:RequestedRegion"] = Region } },
                }),
            }.ToJsonString();
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task One_region_denied_gives_at_least_with_the_region_and_why_and_no_contained()
    {
        await using var receiver = RehearsalReceiver.Start();
        var result = await FirstResponse.RunAsync(new FirstResponseOptions
        {
            Connection = new AwsConnectionOptions
            {
                Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
                Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            },
            Request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId!, ApplyWithinAuthority = true },
            Configuration = DrillEscalation.Configuration(receiver, "en"),
            CasesDirectory = _cases.Path, CaseOptions = new CaseOptions(), EnvironmentVariable = _ => null, AcknowledgementGrace = TimeSpan.Zero,
        }, TimeProvider.System, new RecordingProgress(), CancellationToken.None);

        var folder = CaseFolder.At(result.CaseDirectory);
        var md = Encoding.UTF8.GetString(await ReportBuilder.RenderAsync(folder, ReportFormat.Markdown, new ReportOptions { Language = "en" }));
        var json = JsonNode.Parse(await ReportBuilder.RenderAsync(folder, ReportFormat.Json, new ReportOptions { Language = "en" }))!;
        Assert.Equal("partial", (string?)json["summary"]!["sight"]!["verdict"]);
        Assert.Contains(json["summary"]!["sight"]!["unread"]!.AsArray(), u => (string?)u!["region"] == Region && (string?)u["reason"] == "AccessDeniedException");
        Assert.Contains("The attacker created at least", md);
        Assert.Contains($"{Region} (AccessDeniedException)", md);
        Assert.Contains("has cost at least", md);
        Assert.DoesNotContain("nothing of the attacker's is still active", md);
        Assert.False((bool)json["summary"]!["contained"]!);
        var milestones = JournalReader.Read(result.Folder).Where(e => e.Kind == "escalation.milestone").Select(e => (string?)e.Data["milestone"]).ToList();
        Assert.DoesNotContain("contained", milestones);
    }
}
