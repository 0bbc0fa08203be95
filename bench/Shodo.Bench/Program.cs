using BenchmarkDotNet.Running;

// Benchmarks: dotnet run -c Release --project bench/Shodo.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
