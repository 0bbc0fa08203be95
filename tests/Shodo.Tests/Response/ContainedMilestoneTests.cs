using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Drill.Rehearsal;
using Shodo.Escalation;
using Shodo.Escalation.Notices;
using Shodo.Range;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Tests.Escalation;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Response;

/// <summary>
/// The "contained" milestone (subject 封じ込め完了) is not sent while instances isolated for a decision still run:
/// on the leaked-key scenario the one-time Spot instances cannot be stopped, so everyone notified hears "partly contained".
/// </summary>
public sealed class ContainedMilestoneTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task Instances_isolated_for_a_decision_make_the_milestone_partly_contained_not_contained()
    {
        await using var receiver = RehearsalReceiver.Start();
        var options = new FirstResponseOptions
        {
            Connection = new AwsConnectionOptions
            {
                Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
                Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            },
            Request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId!, ApplyWithinAuthority = true },
            Configuration = Shodo.Drill.DrillEscalation.Configuration(receiver, "ja"), // the drill's authority lets the responder isolate
            CasesDirectory = _cases.Path,
            CaseOptions = new CaseOptions(),
            EnvironmentVariable = _ => null,
            AcknowledgementGrace = TimeSpan.Zero,
        };

        var result = await FirstResponse.RunAsync(options, TimeProvider.System, new RecordingProgress(), CancellationToken.None);

        var outcomes = Kind(result.CaseDirectory, "containment.outcome").Select(e => (string?)e["data"]!["outcome"]).ToList();
        Assert.Contains("needs-decision", outcomes); // the one-time Spot instances, isolated but running
        var milestones = Kind(result.CaseDirectory, EscalationJournalKinds.Milestone).Select(e => (string?)e["data"]!["milestone"]).ToList();
        Assert.Contains("partly-contained", milestones);
        Assert.DoesNotContain("contained", milestones);
    }

    [Fact]
    public void The_partly_contained_notice_says_so_in_japanese_and_never_says_contained()
    {
        var notice = EscalationSamples.Notice(NoticeEvent.Milestone, "ja", Milestone.PartlyContained);
        Assert.Contains("一部のみ封じ込め", notice.Text.Subject);
        Assert.DoesNotContain("封じ込め完了", notice.Text.Subject + notice.Text.Headline);
        var english = EscalationSamples.Notice(NoticeEvent.Milestone, "en", Milestone.PartlyContained);
        Assert.Contains("PARTLY contained", english.Text.Subject);
    }
}
