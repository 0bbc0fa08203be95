using System.Text.RegularExpressions;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Iam;
using Shodo.Range;
using Shodo.Range.Services.Iam;
using Shodo.Reports;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence;

/// <summary>
/// The credential report's age, against the range that models IAM's generation (STARTED, INPROGRESS, COMPLETE;
/// ReportInProgress) and its 4-hour reuse: a report generated during the collection is evidence as it is; one IAM
/// generated earlier (and will not generate again yet) is marked stale in coverage and in the report.
/// </summary>
public sealed class CredentialReportAgeTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(CollectionResult Result, string CaseDir)> CollectReportAsync()
    {
        using var @case = Case.Open(_root, new CaseOptions { AccountId = _range.State.AccountId, Title = "credential report age" });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1"], Collectors = [new IamCredentialReportCollector()],
        }).RunAsync();
        return (result, @case.Directory);
    }

    private int Calls(string operation)
    {
        lock (_range.State.Sync) return _range.State.Calls.Count(c => c.EventName == operation && c.ErrorCode is null);
    }

    [Fact]
    public async Task A_report_generated_during_collection_is_waited_for_and_is_no_gap()
    {
        var (result, dir) = await CollectReportAsync();
        Assert.Empty(result.Gaps);
        Assert.True(Calls("GenerateCredentialReport") >= 2, "the collector polled while IAM said INPROGRESS");
        Assert.Equal(1, Calls("GetCredentialReport"));
        Assert.Contains(File.ReadLines(Path.Combine(dir, CaseFileNames.EvidenceIndex)), l => l.Contains("\"GetCredentialReport\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_IAM_generated_hours_before_is_marked_stale_in_coverage_and_the_report()
    {
        DateTimeOffset generated;
        lock (_range.State.Sync)
        {
            var iam = _range.State.Iam;
            var now = _range.State.Clock.Now;
            // IAM's dates have whole seconds.
            generated = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero) - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5);
            iam.CredentialReportGeneratedAt = generated;
            iam.CredentialReportReadyAt = generated + GenerateCredentialReport.GenerationTime;
            iam.CredentialReport = CredentialReportCsv.Build(_range.State.AccountId, iam, generated);
        }
        var (result, dir) = await CollectReportAsync();

        var gap = Assert.Single(result.Gaps);
        Assert.Equal((GapKinds.Stale, IamCredentialReportCollector.StaleCode, "GetCredentialReport"), (gap.Kind, gap.Code, gap.Operation));
        Assert.Contains($"generated at {CaseTime.Format(generated)}, 2 h 5 min before this collection began", gap.Message);
        Assert.False(GapKinds.IsTransient(gap.Kind)); // trying again cannot help: IAM keeps the report for 4 hours
        Assert.Equal(1, Calls("GetCredentialReport"));

        var md = Regex.Replace(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en")), @"\\(.)", "$1");
        Assert.Contains("| stale |", md);
        Assert.Contains("users, passwords and access keys created or changed since are not in it", md);
    }
}
