using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Configuration;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// Two looks of the watch in the member accounts, end to end (issue 21), on org-pivot with an organisation trail: each look
/// enters every member the response contained in again and reads its folder of the trail through the management account; the
/// second look fetches only the log files delivered since (the first look's and everything already in the bucket are not
/// fetched again), as the range's record of the S3 calls it served shows. The looks are called directly (no wall-clock watch).
/// </summary>
public sealed class MemberAccountsWatchOrganizationTrailTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bucket = "acme-org-trail";
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    /// <summary>The keys of the log files and digests of the members' folders fetched (GetObject) since call number <paramref name="from"/>.</summary>
    private List<string> MemberFilesFetched(int from)
    {
        var org = _range.Organization!;
        lock (_range.State.Sync)
            return _range.State.Calls.Skip(from).Where(c => c.Service == "s3" && c.EventName == "GetObject" && c.ErrorCode is null
                    && c.RequestParameters?["bucketName"]?.GetValue<string>() == Bucket)
                .Select(c => c.RequestParameters?["key"]?.GetValue<string>() ?? "")
                .Where(k => k.StartsWith($"AWSLogs/{org.Id}/", StringComparison.Ordinal) && !k.StartsWith($"AWSLogs/{org.Id}/{org.ManagementAccountId}/", StringComparison.Ordinal))
                .ToList();
    }

    private int CallsSoFar()
    {
        lock (_range.State.Sync) return _range.State.Calls.Count;
    }

    [Fact]
    public async Task The_second_look_in_the_members_fetches_only_the_log_files_delivered_since()
    {
        ParentOrganizationTrailTests.OrganizationTrail(_range).LogFileValidationEnabled = true;
        lock (_range.State.Sync)
            foreach (var account in _range.Organization!.Accounts) account.State.EventDelay = TimeSpan.Zero;
        var request = new ResponseRequest
        {
            AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Members = new MemberAccountsRequest { RoleName = RangeOrganization.AccessRoleName },
        };
        var options = RangeResponseOptions.For(_range, _cases.Path, request);
        var result = await FirstResponse.RunAsync(options, TimeProvider.System, new RecordingProgress(), CancellationToken.None);
        var entered = MemberAccountsFile.Read(result.Folder).Where(a => a.Entered).Select(a => a.AccountId).ToList();
        Assert.NotEmpty(entered);

        using var @case = Case.Load(result.CaseDirectory, new CaseOptions());
        using var aws = await AwsConnection.OpenAsync(options.Connection);
        // One session for both looks, as the watch's: the organisation trail it chose remembers what each look read.
        var session = new ResponseSession(@case, aws, await aws.WhoAmIAsync(), ShodoConfiguration.Empty, request, TimeProvider.System,
            new RecordingProgress(), NoMilestoneNotifier.Instance) { CaseOptions = new CaseOptions() };
        HashSet<string> inBucket;
        lock (_range.State.Sync)
        {
            _range.State.DeliverTrailLogs(Bucket);
            inBucket = _range.State.Buckets[Bucket].Objects.Keys.ToHashSet(StringComparer.Ordinal);
        }

        var before = CallsSoFar();
        await MemberAccountsWatch.LookAsync(session, WatchStep.StepName, CancellationToken.None);
        var first = MemberFilesFetched(before);
        before = CallsSoFar();
        await MemberAccountsWatch.LookAsync(session, WatchStep.StepName, CancellationToken.None);
        var second = MemberFilesFetched(before);
        static int Logs(List<string> keys) => keys.Count(k => k.Contains("/CloudTrail/", StringComparison.Ordinal));
        output.WriteLine($"members {entered.Count}; first look fetched {first.Count} objects ({Logs(first)} log files), " +
            $"second look {second.Count} ({Logs(second)} log files, in {second.Select(k => k.Split('/')[4]).Distinct().Count()} regions)");

        // The first look read each entered member's folder (log files and digests); the second fetched nothing it or the
        // first look had (no file twice), only what was delivered since — the looks' own calls in the members, at most.
        Assert.All(entered, a => Assert.Contains(first, k => k.Contains($"/{a}/CloudTrail/", StringComparison.Ordinal)));
        Assert.All(entered, a => Assert.Contains(first, k => k.Contains($"/{a}/CloudTrail-Digest/", StringComparison.Ordinal)));
        Assert.All(second, k => Assert.DoesNotContain(k, first));
        Assert.All(second, k => Assert.DoesNotContain(k, inBucket));
        Assert.Equal(second.Count, second.Distinct(StringComparer.Ordinal).Count());
        Assert.True(second.Count < first.Count, $"the second look fetched {second.Count} objects, the first {first.Count}");
        // Neither look fell back: both read the organisation trail, whose digests verified.
        foreach (var outcome in MemberAccountsFile.Read(result.Folder).Where(a => a.Entered))
        {
            var coverage = System.Text.Json.Nodes.JsonNode.Parse(MemberAccountsFile.SubCase(result.Folder, outcome).Read("coverage.json")!)!["investigation"]!;
            Assert.Null(coverage["organizationTrail"]!["fallback"]);
            Assert.Equal("organization-trail", (string?)coverage["organizationTrail"]!["reason"]);
        }
    }
}
