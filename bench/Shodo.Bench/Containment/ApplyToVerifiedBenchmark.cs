using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Record;
using Shodo.Range;

namespace Shodo.Bench.Containment;

/// <summary>
/// Time from <c>apply</c> start to verified containment on <c>leaked-key-cryptomining</c> with realistic
/// latency (50–150 ms per call), beside the critical-path lower bound for the same plan (the longest
/// chain of dependent calls × 50 ms, the range's minimum latency; "LowerBound" just waits that long).
/// dotnet run -c Release --project bench/Shodo.Bench -- --filter '*ApplyToVerified*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3, invocationCount: 1)]
public class ApplyToVerifiedBenchmark
{
    private static readonly TimeSpan MinimumLatency = TimeSpan.FromMilliseconds(50);
    private RangeHost _range = null!;
    private Case _case = null!;
    private AwsConnection _aws = null!;
    private ContainmentPlan _plan = null!;
    private string _sha = "";
    private string _root = "";

    public TimeSpan LowerBound { get; private set; }

    [IterationSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining", Latency = RangeLatency.Realistic });
        _root = Path.Combine(Path.GetTempPath(), "shodo-bench", Guid.NewGuid().ToString("N"));
        _case = Case.Open(_root, new CaseOptions { AccountId = _range.GroundTruth!.AccountId });
        await RangeInvestigation.WriteAsync(_range, _case);
        _aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url,
        });
        (_plan, _sha) = await new Planner(_aws, _case, AuthorityPolicy.Default, TimeProvider.System).WriteAsync(default);
        var recorder = new ContainmentRecorder(_case, ContainmentLedger.Read(_case));
        await Approval.RecordAsync(recorder, _plan, _sha, _sha, "bench", null, AuthorityPolicy.Default, default);
        Dictionary<string, int> keys;
        lock (_range.State.Sync)
            keys = _plan.Attackers.UserNames.ToDictionary(u => u, u => _range.State.Iam.KeysOf(u).Count());
        LowerBound = CriticalPath.SequentialCalls(_plan, keys) * MinimumLatency;
        Console.WriteLine($"// critical path: {CriticalPath.SequentialCalls(_plan, keys)} sequential calls >= {LowerBound.TotalMilliseconds} ms; {_plan.Actions.Count} actions");
    }

    [Benchmark(Description = "apply → verified (realistic latency)")]
    public async Task<bool> ApplyToVerified()
    {
        var recorder = new ContainmentRecorder(_case, ContainmentLedger.Read(_case));
        var result = await new ContainmentApply(_aws, recorder, _plan, _sha, TimeProvider.System, new ApplyOptions()).RunAsync(default);
        if (!result.Contained) throw new InvalidOperationException("apply did not verify containment");
        return result.Contained;
    }

    [Benchmark(Baseline = true, Description = "critical-path lower bound")]
    public Task LowerBoundWait() => Task.Delay(LowerBound);

    [IterationCleanup]
    public void Cleanup()
    {
        _aws.Dispose();
        _case.Dispose();
        _range.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
