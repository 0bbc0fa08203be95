using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State;
using Shodo.Range.State.Ec2;

namespace Shodo.Cli.Tests;

/// <summary>
/// Crash safety of <c>shodo apply</c>: the real CLI runs as a child process (<c>dotnet Shodo.Cli.dll</c>)
/// against a range started here and is killed (SIGKILL) at random points of its journal — at least 50
/// kills — then run again. Every round ends fully contained, the journal verifies, every action has its
/// before-state and outcome, and no change reached AWS twice (counted from the range's call records).
/// </summary>
public sealed class ContainmentCrashTests : IAsyncLifetime
{
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("SHODO_CRASH_ROUNDS"), out var r) ? r : 17;
    private const int KillsPerRound = 4;
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-crash-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        Directory.CreateDirectory(_root);
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root) && Environment.GetEnvironmentVariable("SHODO_KEEP") is null) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Apply_killed_at_random_points_always_finishes_contained_without_repeating_a_change_or_losing_a_record()
    {
        var (identities, resources) = SeededIncident.Apply(_range);
        var stateFile = Path.Combine(_root, "range-state.json");
        await RangeStateFile.SaveAsync(_range.State, stateFile, default);
        var template = await PlannedCaseAsync(identities, resources);

        var calibration = CopyCase(template, "calibration");
        var baseLines = JournalLines(calibration);
        var full = await RunApplyAsync(calibration, killAtLine: null);
        Assert.True(full.ExitCode == 0, full.Output + full.Error);
        var entries = JournalLines(calibration) - baseLines;
        Assert.True(entries > 30, $"only {entries} journal entries");

        var random = new Random(20261128);
        var kills = 0;
        var points = new HashSet<int>();
        for (var round = 0; round < Rounds; round++)
        {
            await RangeStateFile.LoadAsync(_range.State, stateFile, default);
            int firstCall;
            lock (_range.State.Sync) firstCall = _range.State.Calls.Count;
            var folder = CopyCase(template, $"round-{round}");
            var roundStart = JournalLines(folder);
            for (var k = 0; k < KillsPerRound; k++)
            {
                var done = JournalLines(folder) - roundStart;
                var at = JournalLines(folder) + 1 + random.Next(Math.Max(1, entries - done - 2));
                var run = await RunApplyAsync(folder, at);
                if (run.Killed) { kills++; points.Add(at - baseLines); }
            }
            var final = await RunApplyAsync(folder, killAtLine: null);
            Assert.True(final.ExitCode == 0, $"round {round}: exit {final.ExitCode}\n{final.Output}\n{final.Error}");
            Assert.True(JsonNode.Parse(final.Output)!["contained"]!.GetValue<bool>());
            Assert.True(CaseVerifier.Verify(folder).Intact, $"round {round}: the journal does not verify");
            AssertEveryActionRecorded(folder);
            Assert.Empty(ChangesMadeTwice(firstCall));
        }
        Assert.True(kills >= Math.Min(50, Rounds * KillsPerRound * 3 / 4), $"only {kills} kills of {Rounds * KillsPerRound}");
        Assert.True(points.Count >= 25, $"only {points.Count} different kill points");
        Assert.Equal(0, DestructiveCalls());
    }

    private async Task<string> PlannedCaseAsync(List<AttackerIdentity> identities, List<AttackerResource> resources)
    {
        string folder;
        using (var @case = Case.Open(Path.Combine(_root, "cases"), new CaseOptions { AccountId = _range.State.AccountId }))
        {
            folder = @case.Directory;
            await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
            await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
        }
        var plan = await CliRun.Invoke(Credentials(), ["plan", folder, .. Endpoint(), "--output", "json"]);
        Assert.True(plan.ExitCode == 0, plan.Error);
        var sha = JsonNode.Parse(plan.Out)!["planSha256"]!.GetValue<string>();
        var approve = await CliRun.Invoke(["approve", folder, "--plan", sha, "--by", "ciso", "--output", "json"]);
        Assert.True(approve.ExitCode == 0, approve.Error);
        return folder;
    }

    /// <summary>Runs apply as a child process; with <paramref name="killAtLine"/>, SIGKILLs it once the journal has that many lines.</summary>
    private Task<KilledChild.Run> RunApplyAsync(string folder, int? killAtLine)
    {
        var environment = Credentials();
        environment["AWS_CONFIG_FILE"] = Path.Combine(_root, "no-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_root, "no-credentials");
        return KilledChild.RunAsync(["apply", folder, "--yes", "--settle-seconds", "20", "--output", "json", .. Endpoint()],
            environment, () => folder, killAtLine);
    }

    private static void AssertEveryActionRecorded(string folder) => KilledChild.AssertEveryActionRecorded(folder);

    private List<string> ChangesMadeTwice(int from) => KilledChild.ChangesMadeTwice(_range, from, _range.Responder.AccessKeyId);

    private int DestructiveCalls()
    {
        var counters = Shodo.Range.Admin.CallCounters.Compute(_range.State);
        return counters["destructiveAttempts"]!.AsObject().Where(p => p.Key.EndsWith("/" + RangeHost.ResponderUserName, StringComparison.Ordinal))
            .Sum(p => (int)p.Value!);
    }

    private static int JournalLines(string folder) => KilledChild.JournalLines(folder);

    private string CopyCase(string template, string name) => KilledChild.CopyCase(template, Path.Combine(_root, name));

    private Dictionary<string, string?> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
    };

    private string[] Endpoint() => ["--endpoint-url", _range.Url.ToString(), "--region", "us-east-1"];
}
