using System.Diagnostics;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Range;
using Xunit.Abstractions;

namespace Shodo.Cli.Tests;

/// <summary>
/// Crash safety of <c>shodo collect</c> (issue 15, item 4: "collect C &amp; sleep 1.4; kill -9 $!" left a
/// case that failed verification forever). The real CLI runs as a child process against one range and
/// is SIGKILLed at random points of its journal — at least 50 kills. After every kill the case verifies;
/// the next collect repairs what the kill left (journaled) and finishes; no run changes anything in the
/// account. And <c>case verify</c> while collect is writing sees a consistent case every time.
/// </summary>
public sealed class CollectCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>3 rounds of 17 kills (51); SHODO_CRASH_ROUNDS (default 17 for the containment crash test) scales the rounds.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("SHODO_CRASH_ROUNDS"), out var r) ? Math.Max(1, r / 5) : 3;
    private const int KillsPerRound = 17;
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-crash-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        Directory.CreateDirectory(_root);
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root) && Environment.GetEnvironmentVariable("SHODO_KEEP") is null) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Collect_killed_at_random_points_leaves_a_case_that_verifies_after_every_kill_and_the_next_run_finishes_it()
    {
        string template;
        using (var opened = Case.Open(Path.Combine(_root, "cases"), new CaseOptions { AccountId = _range.State.AccountId }))
            template = opened.Directory;
        var baseLines = KilledChild.JournalLines(template);
        int firstCall;
        lock (_range.State.Sync) firstCall = _range.State.Calls.Count;

        // A full collect, verified over and over while it writes: never "tampered".
        var calibration = KilledChild.CopyCase(template, Path.Combine(_root, "calibration"));
        var verifications = 0;
        var clock = Stopwatch.StartNew();
        var running = RunCollectAsync(calibration, killAtLine: null);
        while (!running.IsCompleted)
        {
            var during = CaseVerifier.Verify(calibration);
            Assert.True(during.Intact, $"verify during collect: {string.Join("; ", during.Findings)}");
            verifications++;
        }
        var full = await running;
        Assert.True(full.ExitCode == 0, full.Output + full.Error);
        var entries = KilledChild.JournalLines(calibration) - baseLines;
        Assert.True(entries > 40, $"only {entries} journal entries");
        Assert.True(verifications >= 3, $"only {verifications} verifications overlapped the collect");
        var fullSeconds = clock.Elapsed.TotalSeconds;

        var random = new Random(20261206);
        var kills = 0;
        var points = new HashSet<int>();
        var repairs = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var folder = KilledChild.CopyCase(template, Path.Combine(_root, $"round-{round}"));
            for (var k = 0; k < KillsPerRound; k++)
            {
                var from = KilledChild.JournalLines(folder);
                var at = from + 2 + random.Next(entries - 2);
                var run = await RunCollectAsync(folder, at);
                if (run.Killed)
                {
                    kills++;
                    points.Add(at - from);
                }
                KilledChild.AssertVerifies(folder, $"round {round}, after killing collect at journal line {at}");
            }
            var final = await RunCollectAsync(folder, killAtLine: null);
            Assert.True(final.ExitCode == 0, $"round {round}: exit {final.ExitCode}\n{final.Output}\n{final.Error}");
            Assert.True((bool)JsonNode.Parse(final.Output)!["complete"]!);
            var verified = KilledChild.AssertVerifies(folder, $"round {round}, after the last collect");
            Assert.True(verified.Notes.Count == 0, $"round {round}: {string.Join("; ", verified.Notes)}");
            var repaired = JournalReader.Read(CaseFolder.At(folder), JournalKinds.CaseRepaired);
            Assert.All(repaired, e => Assert.Contains((string?)e.Data["what"], new[] { "journal-tail", "journal-newline", "evidence-index", "document" }));
            repairs += repaired.Count;
        }
        Assert.True(kills >= Math.Min(50, Rounds * KillsPerRound * 3 / 4), $"only {kills} kills of {Rounds * KillsPerRound}");
        Assert.True(points.Count >= Math.Min(25, kills / 2), $"only {points.Count} different kill points");
        Assert.Empty(KilledChild.Changes(_range, firstCall, _range.Responder.AccessKeyId));
        output.WriteLine($"collect crash test: {kills} kills at {points.Count} points, {repairs} repairs journaled; a full collect {fullSeconds:0.0} s, {entries} entries");
    }

    private Task<KilledChild.Run> RunCollectAsync(string folder, int? killAtLine) =>
        KilledChild.RunAsync(["collect", folder, "--output", "json", "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1"],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
                ["AWS_CONFIG_FILE"] = Path.Combine(_root, "no-config"), ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_root, "no-credentials"),
            },
            () => folder, killAtLine);
}
