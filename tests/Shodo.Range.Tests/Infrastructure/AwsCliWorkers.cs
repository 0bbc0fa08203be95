using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.Tests.Infrastructure;

/// <summary>
/// Warm Python processes that each run the real AWS CLI's entry point once per request
/// (aws_cli_worker.py): the same argument parsing, serialisation, signing and error handling as
/// <c>/usr/bin/aws</c>, without paying Python's start-up and awscli's imports on each of the suite's
/// several hundred calls. One worker per concurrent caller; a worker that fails or hangs is dropped.
/// </summary>
internal static class AwsCliWorkers
{
    private const string DebianCli = "/usr/bin/aws";
    private static readonly ConcurrentBag<Worker> Idle = [];
    private static readonly ConcurrentBag<Worker> All = [];

    static AwsCliWorkers() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var w in All) w.Dispose();
    };

    /// <summary>Debian's CLI, and nobody asked for a process per call.</summary>
    public static bool Usable(string executable) =>
        executable == DebianCli && System.Environment.GetEnvironmentVariable("SHODO_AWS_CLI_PROCESS") is not "1"
        && File.Exists(Script);

    private static string Script => Path.Combine(AppContext.BaseDirectory, "aws_cli_worker.py");

    public static async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
    {
        if (!Idle.TryTake(out var worker)) worker = Worker.Start();
        try
        {
            var result = await worker.RunAsync(args, env);
            Idle.Add(worker);
            return result;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;

        private Worker(Process process) => _process = process;

        public static Worker Start()
        {
            var start = new ProcessStartInfo("/usr/bin/python3")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.ArgumentList.Add(Script);
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(name);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI worker");
            _ = process.StandardError.ReadToEndAsync(); // a crash's traceback; the failed request reports it
            var worker = new Worker(process);
            All.Add(worker);
            return worker;
        }

        public async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env)
        {
            var request = new JsonObject
            {
                ["args"] = new JsonArray(args.Select(a => (JsonNode)a).ToArray()),
                ["env"] = new JsonObject(env.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))),
            };
            await _process.StandardInput.WriteLineAsync(request.ToJsonString());
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException($"The AWS CLI worker exited ({(_process.HasExited ? _process.ExitCode : -1)})");
            using var response = JsonDocument.Parse(line);
            var root = response.RootElement;
            return (root.GetProperty("rc").GetInt32(), root.GetProperty("stdout").GetString()!, root.GetProperty("stderr").GetString()!);
        }

        public void Dispose()
        {
            try { if (!_process.HasExited) _process.Kill(); } catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}
