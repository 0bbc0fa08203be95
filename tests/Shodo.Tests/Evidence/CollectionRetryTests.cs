using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence;

/// <summary>
/// A collection that ended with gaps AWS could fill (throttled, unavailable, no answer) tries those calls
/// again — only those: what was stored stays, gaps AWS meant (access denied) are kept, and coverage.json
/// says what is still missing. Against the range.
/// </summary>
public sealed class CollectionRetryTests : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static Task<AwsConnection> Connect(RangeHost range) => AwsConnection.OpenAsync(new AwsConnectionOptions
    {
        Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
        Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
    });

    /// <summary>Describes key pairs in each region; in <paramref name="throttledOnce"/> its first call is answered "throttled".</summary>
    private sealed class KeyPairs(params string[] throttledOnce) : ICollector
    {
        private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
        public IReadOnlyDictionary<string, int> Runs => _runs;
        public string Name => "test.key-pairs";
        public CollectorScope Scope => CollectorScope.Regional;
        public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeKeyPairs];

        public async Task CollectAsync(CollectionContext context, CancellationToken ct)
        {
            var run = _runs.AddOrUpdate(context.Region!, 1, (_, n) => n + 1);
            await context.SdkAsync(Ec2Operations.DescribeKeyPairs, null, null, c => run == 1 && throttledOnce.Contains(context.Region)
                ? throw new AwsServiceError("ec2", "DescribeKeyPairs", "RequestLimitExceeded", "Request limit exceeded.", "r", 503)
                : context.Aws.Ec2(context.ClientRegion).DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), c), ct);
        }
    }

    /// <summary>A global call AWS always refuses: a gap retrying cannot fill.</summary>
    private sealed class Denied : ICollector
    {
        public int Runs;
        public string Name => "test.denied";
        public CollectorScope Scope => CollectorScope.Global;
        public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeRegions];

        public async Task CollectAsync(CollectionContext context, CancellationToken ct)
        {
            Interlocked.Increment(ref Runs);
            await context.SdkAsync<DescribeRegionsResponse>(Ec2Operations.DescribeRegions, null, null,
                _ => throw new AwsServiceError("ec2", "DescribeRegions", "UnauthorizedOperation", "You are not authorized.", "r", 403), ct);
        }
    }

    [Fact]
    public async Task Only_the_calls_AWS_throttled_are_tried_again_and_coverage_keeps_what_is_still_missing()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        var keyPairs = new KeyPairs("eu-west-1", "ap-northeast-1");
        var denied = new Denied();
        var options = new CollectionOptions { Collectors = [keyPairs, denied] };
        var regions = range.State.Regions.Enabled.Count;

        var first = await new CollectionRunner(aws, @case, options).RunAsync();
        Assert.Equal(3, first.Gaps.Count);
        Assert.True(CollectionRunner.HasFinishedCollection(@case));

        var again = await new CollectionRunner(aws, @case, options).RetryGapsAsync();

        Assert.Equal([GapKinds.AccessDenied], again.Gaps.Select(g => g.Kind));
        Assert.Equal(1, denied.Runs);
        Assert.Equal(regions, keyPairs.Runs.Count);
        Assert.Equal(["ap-northeast-1", "eu-west-1"], keyPairs.Runs.Where(r => r.Value == 2).Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(first.Regions, again.Regions);
        Assert.Equal(regions + 1, again.Blobs); // one answer per region plus DescribeRegions, over both runs
        var coverage = CoverageFile.Read(@case.Folder)!;
        Assert.Equal(["UnauthorizedOperation"], coverage.Gaps!.Select(g => g.Code));
        Assert.False(coverage.Complete);
        var retry = JournalReader.Read(@case.Folder).Where(e => e.Kind == CollectJournalKinds.Started).Last();
        Assert.Equal((true, 2), ((bool?)retry.Data["retry"], (int?)retry.Data["gapsRetried"]));
        Assert.True(CaseVerifier.Verify(@case.Directory).Intact);
    }

    [Fact]
    public async Task When_the_region_list_itself_was_missing_the_regions_found_now_are_collected_whole()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        var options = new CollectionOptions { Collectors = [new KeyPairs()] };
        range.Faults.ThrottleRate = 1;

        var first = await new CollectionRunner(aws, @case, options).RunAsync();
        Assert.Equal(["us-east-1"], first.Regions);
        Assert.All(first.Gaps, g => Assert.Equal(GapKinds.Throttled, g.Kind));

        range.Faults.ThrottleRate = 0;
        var again = await new CollectionRunner(aws, @case, options).RetryGapsAsync();

        Assert.True(again.Complete);
        Assert.Equal(range.State.Regions.Enabled.Select(r => r.Name).Order(StringComparer.Ordinal), again.Regions);
        var stored = Shodo.Evidence.Snapshot.StoredAnswers.Load(@case).Records("ec2", "DescribeKeyPairs").Select(r => r.Region).ToHashSet();
        Assert.True(range.State.Regions.Enabled.All(r => stored.Contains(r.Name)));
        Assert.True(CaseVerifier.Verify(@case.Directory).Intact);
    }

    [Fact]
    public async Task The_region_list_every_region_depends_on_outlasts_a_burst_of_throttling()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        range.Faults.ThrottleRate = 1;

        var run = new CollectionRunner(aws, @case, new CollectionOptions { Collectors = [new KeyPairs()] }).RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        range.Faults.ThrottleRate = 0;
        var result = await run;

        Assert.Equal(range.State.Regions.Enabled.Select(r => r.Name).Order(StringComparer.Ordinal), result.Regions);
        Assert.True(result.Complete);
    }
}
