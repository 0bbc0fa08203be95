using System.Collections.Concurrent;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Iam;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence;

/// <summary>How the runner schedules and what it does when AWS keeps refusing: against the range.</summary>
public sealed class CollectionLaneTests : IAsyncDisposable
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

    /// <summary>Describes key pairs, but in one region waits until the test lets it go.</summary>
    private sealed class HeldInOneRegion(string heldRegion, Task release) : ICollector
    {
        public string Name => "test.held";
        public CollectorScope Scope => CollectorScope.Regional;
        public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeKeyPairs];

        public async Task CollectAsync(CollectionContext context, CancellationToken ct)
        {
            if (context.Region == heldRegion) await release.WaitAsync(ct);
            await context.SdkAsync(Ec2Operations.DescribeKeyPairs, null, null,
                c => context.Aws.Ec2(context.ClientRegion).DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), c), ct);
        }
    }

    /// <summary>Describes key pairs <paramref name="calls"/> times at once in one region, each answer held (in flight) until the test lets it go.</summary>
    private sealed class HeldInFlight(string region, int calls, Task release) : ICollector
    {
        private int _sent;
        public int Sent => Volatile.Read(ref _sent);
        public string Name => "test.in-flight";
        public CollectorScope Scope => CollectorScope.Regional;
        public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeKeyPairs];

        public async Task CollectAsync(CollectionContext context, CancellationToken ct)
        {
            if (context.Region != region) return;
            await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => context.SdkAsync(Ec2Operations.DescribeKeyPairs, null, null, async c =>
            {
                Interlocked.Increment(ref _sent);
                var answer = await context.Aws.Ec2(context.ClientRegion).DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), c);
                await release.WaitAsync(c);
                return answer;
            }, ct)));
        }
    }

    [Fact]
    public async Task Calls_in_flight_are_bounded_per_service_and_region_so_IAM_never_waits_behind_a_regions_EC2_calls()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        var release = new TaskCompletionSource();
        var held = new HeldInFlight("us-east-1", 3, release.Task);
        var progress = new CollectorsFinished();
        var runner = new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1"], Collectors = [held, new IamAccountCollector()], MaxConcurrentCallsPerService = 2, MaxConcurrentCalls = 8,
        });

        var run = runner.RunAsync(progress);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!progress.Names.Contains("iam.account") && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Contains("iam.account", progress.Names); // both IAM calls answered while EC2 us-east-1 had every slot of its own
        Assert.Equal(2, held.Sent);                      // the third EC2 call waits for its service's slot, not the machine's
        Assert.False(run.IsCompleted);
        release.SetResult();
        var result = await run;
        Assert.Equal(3, held.Sent);
        Assert.True(result.Complete);
        Assert.Equal(3 + 2, result.Blobs); // three key-pair answers, GetAccountSummary, ListAccountAliases
    }

    private sealed class CollectorsFinished : ICollectionProgress
    {
        public ConcurrentBag<string> Names { get; } = [];
        public void LaneStarted(string lane, int collectors) { }
        public void CollectorFinished(string lane, string collector, int blobs, int gaps) => Names.Add(collector);
        public void LaneFinished(string lane, int blobs, int gaps) { }
    }

    private sealed class Finished : ICollectionProgress
    {
        public ConcurrentQueue<string> Lanes { get; } = new();
        public void LaneStarted(string lane, int collectors) { }
        public void CollectorFinished(string lane, string collector, int blobs, int gaps) { }
        public void LaneFinished(string lane, int blobs, int gaps) => Lanes.Enqueue(lane);
    }

    [Fact]
    public async Task Every_other_region_finishes_while_one_region_is_still_waiting()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        var release = new TaskCompletionSource();
        var progress = new Finished();
        var runner = new CollectionRunner(aws, @case, new CollectionOptions
        {
            Collectors = [new HeldInOneRegion("ap-northeast-1", release.Task)], MaxConcurrentCalls = 2,
        });

        var run = runner.RunAsync(progress);
        var others = range.State.Regions.Enabled.Count; // every region but the held one, plus the (empty) global lane
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (progress.Lanes.Count < others && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(others, progress.Lanes.Count);
        Assert.DoesNotContain("ap-northeast-1", progress.Lanes);
        Assert.False(run.IsCompleted);
        release.SetResult();
        var result = await run;
        Assert.Equal("ap-northeast-1", progress.Lanes.Last());
        Assert.True(result.Complete);
        Assert.Equal(range.State.Regions.Enabled.Count, result.Blobs - 1); // one answer per region plus DescribeRegions
    }

    [Fact]
    public async Task Calls_throttled_past_every_retry_are_gaps_of_kind_Throttled()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        range.Faults.ThrottleRate = 1.0;

        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1"], Collectors = [new IamAccountCollector()],
        }).RunAsync();

        Assert.Equal(["GetAccountSummary", "ListAccountAliases"], result.Gaps.Select(g => g.Operation).Order());
        Assert.All(result.Gaps, g => Assert.Equal(GapKinds.Throttled, g.Kind));
        Assert.Equal(0, result.Blobs);
        Assert.True(CaseVerifier.Verify(@case.Directory).Intact);
    }

    [Fact]
    public async Task A_cancelled_collection_keeps_what_it_stored_and_says_it_is_partial()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        using var @case = Case.Open(_root);
        using var aws = await Connect(range);
        var progress = new Finished();
        using var cts = new CancellationTokenSource();
        var runner = new CollectionRunner(aws, @case, new CollectionOptions
        {
            Collectors = [new HeldInOneRegion("eu-west-1", Task.Delay(Timeout.Infinite))],
        });

        var run = runner.RunAsync(progress, cts.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (progress.Lanes.Count < range.State.Regions.Enabled.Count && DateTime.UtcNow < deadline) await Task.Delay(20);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var coverage = CoverageFile.Read(@case.Folder)!;
        Assert.True(coverage.Cancelled);
        Assert.False(coverage.Complete);
        Assert.Equal(range.State.Regions.Enabled.Count, coverage.EvidenceStored); // DescribeRegions + every region but one
        Assert.Contains(File.ReadAllLines(Path.Combine(@case.Directory, CaseFileNames.Journal)),
            l => l.Contains("\"kind\":\"collect.finished\"") && l.Contains("\"cancelled\":true"));
        Assert.True(CaseVerifier.Verify(@case.Directory).Intact);
    }
}
