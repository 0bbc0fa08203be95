using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Triage;
using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// With no key, the candidates do not wait for the whole account: they come from the window's events and targeted reads
/// of the principals those name, presented while the snapshot of a large account is still being recorded, as right as
/// triage against the finished snapshot; the snapshot still completes, in the case, and what only it shows (a key whose
/// creation CloudTrail has not delivered yet) is added to the candidates once it is recorded.
/// </summary>
public sealed class TriageBesideTests : IAsyncLifetime
{
    /// <summary>Staff with a key each, long before the window: the per-user reads make the snapshot many times longer than triage.</summary>
    private const int Staff = 150;

    private RangeHost _range = null!;
    private string _undelivered = null!;
    private readonly TempFolder _cases = new();
    private readonly RecordingProgress _progress = new();

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        lock (_range.State.Sync)
        {
            var hired = _range.State.Clock.Now.AddDays(-400);
            for (var n = 1; n <= Staff; n++)
            {
                var user = _range.State.AddUser($"staff-{n:D4}", "/staff/");
                user.CreateDate = hired;
                _range.State.AddAccessKey(user.UserName).CreateDate = hired.AddDays(1);
            }
            // A key made on an old user just now, whose CreateAccessKey CloudTrail has not delivered: only the snapshot shows it.
            _undelivered = _range.State.AddAccessKey("staff-0001").AccessKeyId;
        }
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task The_candidates_are_presented_before_the_snapshot_is_finished_and_what_only_the_snapshot_shows_is_added_after_it()
    {
        // The snapshot cannot finish before triage has: one call only the collection makes is held until triage.finished is
        // on disk (or a minute has passed: then the order below fails, it does not hang).
        _range.Faults.Holds.Hold("iam", "GetAccountAuthorizationDetails");
        using var stop = new CancellationTokenSource();
        var release = ReleaseWhenTriagedAsync(stop.Token);
        var result = await FirstResponse.RunAsync(RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest()),
            TimeProvider.System, _progress, CancellationToken.None);
        await stop.CancelAsync();
        await release;

        var journal = JournalReader.Read(result.Folder).ToList();
        var triaged = journal.FindIndex(e => e.Kind == TriageJournalKinds.Finished);
        var collected = journal.FindIndex(e => e.Kind == "collect.finished");
        Assert.True(triaged >= 0 && collected >= 0, "both triage and the collection finished");
        Assert.True(triaged < collected, $"triage.finished (#{triaged}) comes before collect.finished (#{collected})");
        Assert.Equal("targeted reads", (string?)journal[triaged].Data["account"]!["from"]);
        Assert.Contains(_progress.Notes, n => n.Step == TriageStep.StepName && n.Text.Contains(_range.GroundTruth!.LeakedAccessKeyId!));

        // The steps and their outcomes are today's: collect done (the whole snapshot, in the case), triage stopped for a person.
        Assert.Equal([(CollectStep.StepName, StepOutcome.Done), (TriageStep.StepName, StepOutcome.Stopped)],
            result.Outcome.Steps.Select(s => (s.Step, s.Result.Outcome)));
        using var @case = Case.Load(result.CaseDirectory, new CaseOptions());
        var snapshot = await AccountSnapshot.BuildAsync(@case, CancellationToken.None);
        Assert.Equal(Staff, snapshot.Users.Count(u => u.UserName.StartsWith("staff-", StringComparison.Ordinal)));
        Assert.Equal(Staff + 1, snapshot.AccessKeys.Count(k => k.UserName.StartsWith("staff-", StringComparison.Ordinal)));

        // What only the snapshot could show is added once it is recorded: candidates.json rewritten, journaled.
        Assert.DoesNotContain($"access-key:{_undelivered}", journal[triaged].Data["candidates"]!.AsArray().Select(c => (string?)c));
        var updated = journal.FindIndex(e => e.Kind == TriageJournalKinds.Updated);
        Assert.True(updated > collected, "the snapshot's signs are added after it is recorded");
        Assert.Equal([$"new-access-key access-key:{_undelivered}"], journal[updated].Data["added"]!.AsArray().Select(c => (string?)c));

        // As right as triage against the finished snapshot: the leaked key first, as the likely origin, with every sign
        // (the instances read region by region, the credentials it created); every attacker identity; nothing legitimate.
        var truth = _range.GroundTruth!;
        var presented = CandidatesFile.ReadCandidates(result.Folder)!;
        var first = presented[0];
        Assert.Equal(truth.LeakedAccessKeyId, first.Id);
        Assert.True(first.LikelyOrigin);
        Assert.Equal("strong", first.Strength);
        Assert.Equal(["created-credentials", "instances-in-unused-region", "new-address", "new-user-agent"],
            first.Signs.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        var ids = presented.Select(c => c.Id).ToHashSet();
        Assert.All(truth.AccessKeyIds, k => Assert.Contains(k, ids));
        Assert.All(truth.Users, u => Assert.Contains(u, ids));
        Assert.Contains(_undelivered, ids);
        List<string> legitimate;
        lock (_range.State.Sync)
            legitimate = _range.State.Iam.AccessKeys.Values
                .Where(k => k.UserName != truth.LeakedUserName && !truth.AccessKeyIds.Contains(k.AccessKeyId) && k.AccessKeyId != _undelivered)
                .Select(k => k.AccessKeyId).Concat(_range.State.Iam.Users.Keys.Where(u => u != truth.LeakedUserName && !truth.Users.Contains(u))).ToList();
        Assert.DoesNotContain(ids, legitimate.Contains);
    }

    [Fact]
    public async Task When_the_events_cannot_be_read_triage_says_so_and_waits_for_the_whole_snapshot()
    {
        _range.Faults.Sight = [new Shodo.Range.Faults.SightFault(Shodo.Range.Faults.SightSource.LookupEvents, Shodo.Range.Faults.SightFailure.AccessDenied)];

        var result = await FirstResponse.RunAsync(RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest()),
            TimeProvider.System, _progress, CancellationToken.None);

        var journal = JournalReader.Read(result.Folder).ToList();
        var triaged = journal.FindIndex(e => e.Kind == TriageJournalKinds.Finished);
        Assert.True(triaged > journal.FindIndex(e => e.Kind == "collect.finished"), "triage read the account from the finished snapshot");
        Assert.Equal("snapshot", (string?)journal[triaged].Data["account"]!["from"]);
        Assert.Equal("events unread", (string?)journal[triaged].Data["account"]!["because"]);
        Assert.DoesNotContain(journal, e => e.Kind is TriageJournalKinds.Updated or TriageJournalKinds.Reconciled);
        // The state's own signs still carry it: the backdoor user the snapshot shows was created inside the window.
        Assert.Contains(_range.GroundTruth!.Users[0], CandidatesFile.ReadCandidates(result.Folder)!.Select(c => c.Id));
    }

    private async Task ReleaseWhenTriagedAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        try
        {
            while (DateTime.UtcNow < deadline && !Triaged()) await Task.Delay(50, ct);
        }
        catch (OperationCanceledException) { }
        finally { _range.Faults.Holds.Release("iam", "GetAccountAuthorizationDetails"); }
    }

    private bool Triaged() => Directory.EnumerateFiles(_cases.Path, "journal.jsonl", SearchOption.AllDirectories).Any(path =>
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd().Contains($"\"kind\":\"{TriageJournalKinds.Finished}\"", StringComparison.Ordinal);
    });
}
