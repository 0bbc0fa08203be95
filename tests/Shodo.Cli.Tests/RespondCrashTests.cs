using System.Diagnostics;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Range;
using Xunit.Abstractions;

namespace Shodo.Cli.Tests;

/// <summary>
/// Crash safety of <c>shodo respond</c> as a whole — open, collect, investigate, contain, report — and of
/// <c>respond --resume</c>: the real CLI runs as a child process against a range started as the
/// incident for each round, and is SIGKILLed at random points of the case's journal, at least 50 times.
/// After every kill the case verifies; <c>respond --resume CASE</c> repairs what the kill left (journaled),
/// finishes contained, every action has its before-state and outcome, and no change reached AWS twice.
/// </summary>
public sealed class RespondCrashTests(ITestOutputHelper output)
{
    /// <summary>3 rounds of 17 kills (51); SHODO_CRASH_ROUNDS (default 17 for the containment crash test) scales the rounds.</summary>
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("SHODO_CRASH_ROUNDS"), out var r) ? Math.Max(1, r / 5) : 3;
    private const int KillsPerRound = 17;

    /// <summary>
    /// Each round has a range of its own, started as the incident (a state file reloaded into one range
    /// would set its clock back under CloudTrail's LookupEvents rate limit, which then refuses every call).
    /// </summary>
    private static Task<ResponderRange> RangeAsync() => ResponderRange.StartAsync(adversary: false, latency: RangeLatency.None);

    [Fact]
    public async Task Respond_killed_at_random_points_leaves_a_case_that_verifies_after_every_kill_and_resume_finishes_without_repeating_a_change()
    {
        int entries;
        double fullSeconds;
        await using (var calibration = await RangeAsync())
        {
            var clock = Stopwatch.StartNew();
            var (folder, full) = await RespondAsync(calibration, killAtLine: null);
            Assert.True(full.ExitCode == 0, full.Output + full.Error);
            entries = KilledChild.JournalLines(folder!);
            Assert.True(entries > 60, $"only {entries} journal entries");
            fullSeconds = clock.Elapsed.TotalSeconds;
        }

        var random = new Random(20261207);
        var kills = 0;
        var points = new HashSet<int>();
        var repairs = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await using var responder = await RangeAsync();
            var range = responder.Range;
            string? folder = null;
            for (var k = 0; k < KillsPerRound; k++)
            {
                var done = folder is null ? 0 : KilledChild.JournalLines(folder);
                var at = done + 1 + random.Next(Math.Max(1, entries - done - 2));
                (folder, var run) = await RespondAsync(responder, at, folder);
                if (run.Killed)
                {
                    kills++;
                    points.Add(at);
                }
                else
                    Assert.True(run.ExitCode == 0, $"round {round}: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
                KilledChild.AssertVerifies(folder!, $"round {round}, after killing respond at journal line {at}");
            }
            var (_, final) = await RespondAsync(responder, killAtLine: null, folder);
            Assert.True(final.ExitCode == 0, $"round {round}: exit {final.ExitCode}\n{final.Output}\n{final.Error}");
            var verified = KilledChild.AssertVerifies(folder!, $"round {round}, after the last resume");
            Assert.True(verified.Notes.Count == 0, $"round {round}: {string.Join("; ", verified.Notes)}");
            KilledChild.AssertEveryActionRecorded(folder!);
            Assert.Empty(KilledChild.ChangesMadeTwice(range, 0, range.Responder.AccessKeyId));
            lock (range.State.Sync)
                Assert.Equal("Inactive", range.State.Iam.AccessKeys[range.GroundTruth!.LeakedAccessKeyId!].Status);
            repairs += JournalReader.Read(CaseFolder.At(folder!), JournalKinds.CaseRepaired).Count;
        }
        Assert.True(kills >= Math.Min(50, Rounds * KillsPerRound * 3 / 4), $"only {kills} kills of {Rounds * KillsPerRound}");
        Assert.True(points.Count >= Math.Min(25, kills / 2), $"only {points.Count} different kill points");
        output.WriteLine($"respond crash test: {kills} kills at {points.Count} points, {repairs} repairs journaled; a full respond {fullSeconds:0.0} s, {entries} entries");
    }

    /// <summary>
    /// <c>respond --access-key-id KEY --yes</c> into a cases folder of its own (or <c>--resume</c> the case
    /// in it); answers the case folder, once there is one, and how the run ended.
    /// </summary>
    private static async Task<(string? Folder, KilledChild.Run Run)> RespondAsync(ResponderRange responder, int? killAtLine, string? resume = null)
    {
        var cases = responder.Cases;
        string? Journal() => Directory.Exists(cases) ? Directory.GetFiles(cases, CaseFileNames.Journal, SearchOption.AllDirectories).FirstOrDefault() : null;
        string[] args = resume is null
            ? ["respond", "--watch", "0", "--access-key-id", responder.Range.GroundTruth!.LeakedAccessKeyId!, "--yes", "--output", "json", .. responder.Options]
            : ["respond", "--watch", "0", "--resume", resume, "--yes", "--output", "json", .. responder.Options];
        var run = await KilledChild.RunAsync(args, responder.Environment, Journal, killAtLine);
        return (Journal() is { } journal ? Path.GetDirectoryName(journal) : resume, run);
    }
}
