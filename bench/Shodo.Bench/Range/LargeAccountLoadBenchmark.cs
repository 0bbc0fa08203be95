using BenchmarkDotNet.Attributes;
using Shodo.Range;

namespace Shodo.Bench.Range;

/// <summary>
/// How long starting a range with <c>large-account</c> takes (3,000 users, 5,000 instances, 1,000,000
/// generated events plus the leaked-key story played through the pipeline), and what it allocates.
/// dotnet run -c Release --project bench/Shodo.Bench -- --filter '*LargeAccountLoad*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class LargeAccountLoadBenchmark
{
    [Benchmark]
    public async Task<int> StartLargeAccount()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "large-account" });
        return range.State.Calls.Count;
    }
}
