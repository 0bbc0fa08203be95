using Amazon.EC2;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Response;
using Shodo.Tests.Cases;
using Shodo.Tests.Response;
using Shodo.Tests.Response.Accounts;
using Shodo.Trail;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Tests.Investigation.Sources;

/// <summary>
/// The watch's looks read a member's folder of the organisation trail again and again (issue 21): each look lists every region
/// folder once, from where the response's last read of it left off (ListObjectsV2 StartAfter), and fetches only the log files it
/// did not read before — where it used to list ninety days of day folders in every region on every look. Counted by the range's
/// record of the S3 calls it served.
/// </summary>
public sealed class TrailFolderReadsTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _cases = new();
    private RangeHost _range = null!;

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private static readonly string Member2 = OrgPivotMemberResponse.Member2;
    private const string Bucket = "acme-org-trail";

    private RangeState Member => _range.State.Organization!.Account(Member2)!.State;

    /// <summary>The S3 calls served on the organisation trail's bucket for member-2's folders since call number <paramref name="from"/>.</summary>
    private List<CallRecord> FolderCalls(string eventName, int from)
    {
        var folder = $"AWSLogs/{_range.Organization!.Id}/{Member2}/";
        lock (_range.State.Sync)
            return _range.State.Calls.Skip(from).Where(c => c.Service == "s3" && c.EventName == eventName
                    && c.RequestParameters?["bucketName"]?.GetValue<string>() == Bucket
                    && ((c.RequestParameters?["prefix"] ?? c.RequestParameters?["key"])?.GetValue<string>() ?? "").StartsWith(folder, StringComparison.Ordinal))
                .ToList();
    }

    private int CallsSoFar()
    {
        lock (_range.State.Sync) return _range.State.Calls.Count;
    }

    [Fact]
    public async Task A_second_look_lists_each_region_folder_once_from_where_the_first_left_off_and_fetches_only_the_new_log_file()
    {
        lock (_range.State.Sync) Member.EventDelay = TimeSpan.Zero;
        ParentOrganizationTrailTests.OrganizationTrail(_range).LogFileValidationEnabled = true;
        var options = RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId });
        using var aws = await AwsConnection.OpenAsync(options.Connection);
        using var @case = Case.Open(_cases.Path, new CaseOptions { AccountId = Member2, Title = "member-2" });
        var regions = (await RegionDiscovery.EnabledAsync(aws)).Select(r => r.Name).ToList();
        // The choice the parent makes, and the one trail every look of the response reads through.
        var choice = new OrganizationTrailChoice(new OrganizationTrailReach(aws, "acme-organization", Bucket, null, _range.Organization!.Id,
            _range.Organization.ManagementAccountId), Reasons.Read, "acme-organization");
        async Task<(List<Shodo.Trail.Records.TrailRecord> Records, int Gaps)> LookAsync()
        {
            var sources = new InvestigationSources(aws, @case, new InvestigationOptions { OrganizationTrail = choice }, new AccountSnapshot(), regions,
                IInvestigationProgress.None);
            var read = await sources.LogFilesAsync(new TrailWindow(null, null), Member2, CancellationToken.None);
            Assert.All(sources.DigestChecks, d => Assert.True(d.Report?.Intact, string.Join("; ", d.Report?.ChainBreaks ?? [])));
            return ([.. read.Records], read.Gaps.Count);
        }

        var before = CallsSoFar();
        var (first, firstGaps) = await LookAsync();
        var firstLists = FolderCalls("ListObjects", before);
        var firstFetched = FolderCalls("GetObject", before).Select(Key).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(first);
        Assert.Equal(0, firstGaps);
        // One listing per region folder (log files and digests), not one per region and day of the ninety.
        Assert.InRange(firstLists.Count, 1, 2 * regions.Count);

        // The attacker's key in member-2 acts again between the looks: one new log file there.
        var attackerKey = _range.GroundTruth.Accounts.Single(a => a.AccountId == Member2).Found.AccessKeyIds[0];
        string secret;
        lock (_range.State.Sync) secret = Member.Iam.AccessKeys[attackerKey].SecretAccessKey;
        using (var ec2 = new AmazonEC2Client(new BasicAWSCredentials(attackerKey, secret),
                   new AmazonEC2Config { ServiceURL = _range.Url.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 }))
            await ec2.DescribeInstancesAsync();

        before = CallsSoFar();
        var (second, secondGaps) = await LookAsync();
        var secondLists = FolderCalls("ListObjects", before);
        var secondFetched = FolderCalls("GetObject", before).Select(Key).Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal)).ToList();
        Assert.Equal(0, secondGaps);
        Assert.InRange(secondLists.Count, 1, 2 * regions.Count);
        output.WriteLine($"regions {regions.Count}; first look: {firstLists.Count} listings, {firstFetched.Count} objects fetched; " +
            $"second look: {secondLists.Count} listings, {FolderCalls("GetObject", before).Count} objects fetched");
        // Each folder the first look read files in is listed again only from the day before its newest file (less the margin
        // for late delivery), not from the window's first day ninety days back.
        var today = _range.State.Clock.Now.UtcDateTime.Date;
        foreach (var folder in firstFetched.Select(FolderOf).Distinct())
        {
            var startAfter = (string?)Assert.Single(secondLists, c => (string?)c.RequestParameters?["prefix"] == folder).RequestParameters!["start-after"];
            Assert.NotNull(startAfter);
            Assert.InRange(DateTime.ParseExact(startAfter[^10..], "yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), today.AddDays(-1), today);
        }
        // Nothing the first look fetched (log files, digests) is fetched again; of the log files, only the new one is, and the
        // records of the first look are still all there, with the new event.
        Assert.All(FolderCalls("GetObject", before).Select(Key), k => Assert.DoesNotContain(k, firstFetched));
        var fetched = Assert.Single(secondFetched);
        Assert.DoesNotContain(fetched, firstFetched);
        Assert.Contains("/eu-west-1/", fetched);
        Assert.All(first, r => Assert.Contains(second, s => s.EventId == r.EventId));
        Assert.Contains(second, r => r.EventName == "DescribeInstances" && r.AccessKeyId == attackerKey);
    }

    /// <summary>The region folder of a key: <c>AWSLogs/o-ID/ACCOUNT/CloudTrail[-Digest]/REGION/</c>.</summary>
    private static string FolderOf(string key) => string.Join('/', key.Split('/').Take(5)) + "/";

    private static string Key(CallRecord c) => c.RequestParameters?["key"]?.GetValue<string>() ?? "";
}
