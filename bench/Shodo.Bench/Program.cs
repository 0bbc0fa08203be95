using BenchmarkDotNet.Running;
using Shodo.Bench.Hunting;

// Benchmarks: dotnet run -c Release --project bench/Shodo.Bench -- --filter '*'
// Hunt benchmark (own processes, not BenchmarkDotNet): see Hunting/HuntBenchmark.cs, e.g.
//   dotnet run -c Release --project bench/Shodo.Bench -- trail-generate /tmp/trail 5000000 50
//   dotnet bench/Shodo.Bench/bin/Release/net10.0/Shodo.Bench.dll hunt-bench /tmp/trail
if (args.Length > 0 && (args[0].StartsWith("hunt-", StringComparison.Ordinal) || args[0] == "trail-generate"))
    return await HuntBenchmark.RunAsync(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
