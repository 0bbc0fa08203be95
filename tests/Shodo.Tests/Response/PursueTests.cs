using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// Containment streams: what the leaked key's trail attributes is contained while the account is still being recorded —
/// no barrier waits for the whole snapshot and the investigation — and the whole plan later finds it done.
/// </summary>
public sealed class PursueTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();
    private readonly RecordingProgress _progress = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task The_backdoor_and_the_miners_are_contained_before_the_snapshot_is_finished_and_the_whole_plan_finds_them_done()
    {
        var configuration = ShodoConfiguration.Parse("shodo.yaml",
            "authority:\n  responder: [deactivate-access-keys, attach-deny-policy, stop-instance, isolate-instance, cancel-spot-request, close-data-door]\n");
        var truth = _range.GroundTruth!;
        var result = await FirstResponse.RunAsync(RangeResponseOptions.For(_range, _cases.Path,
            new ResponseRequest { AccessKeyId = truth.LeakedAccessKeyId, ApplyWithinAuthority = true }, configuration),
            TimeProvider.System, _progress, CancellationToken.None);

        var journal = JournalReader.Read(result.Folder).ToList();
        int Seq(Func<JournalEntry, bool> match) => journal.FindIndex(e => match(e));
        var investigating = Seq(e => e.Kind == "investigate.started");
        var backdoor = $"{TargetKinds.User}:global:{truth.Users[0]}";
        var cut = Seq(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == backdoor);
        var stopped = journal.Where(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["operation"] == "ec2:StopInstances").ToList();
        Assert.InRange(cut, 0, investigating);
        Assert.NotEmpty(stopped);
        Assert.True(journal.IndexOf(stopped[0]) < investigating, "the first miner is stopped before the investigation starts");
        // The snapshot was recorded beside the pursuit, not before it: containment did not wait for the whole account.
        Assert.InRange(Seq(e => e.Kind == "collect.started"), 0, cut);

        // Before-state first, per target: every change follows its target's journaled before-state.
        foreach (var change in journal.Where(e => e.Kind == ContainmentJournalKinds.Changed))
            Assert.Contains(journal.Take(journal.IndexOf(change)), e => e.Kind == ContainmentJournalKinds.Before
                && (string?)e.Data["actionId"] == (string?)change.Data["actionId"]);

        // The whole plan, from the investigation, finds the pursuit's actions done: nothing is sent twice.
        var pursued = journal.Where(e => e.Kind == ContainmentJournalKinds.Outcome && journal.IndexOf(e) < investigating)
            .Select(e => (string)e.Data["actionId"]!).ToHashSet();
        using var @case = Case.Load(result.CaseDirectory, new CaseOptions());
        var whole = Shodo.Containment.Plan.PlanFile.Read(@case).Plan;
        Assert.Contains($"deactivate-access-keys/{backdoor}", whole.AlreadyDone);
        Assert.Empty(journal.Where(e => e.Kind == ContainmentJournalKinds.Changed && journal.IndexOf(e) > investigating
            && pursued.Contains((string)e.Data["actionId"]!)));

        var pursue = result.Outcome.Steps.Single(s => s.Step == PursueStep.StepName);
        Assert.NotEqual(StepOutcome.Failed, pursue.Result.Outcome);
        Assert.True(CaseVerifier.Verify(result.CaseDirectory).Intact);

        // --yes (ApplyWithinAuthority) alone never sends the approved destructive step: this policy does not grant
        // revoke-kms-grant, so the attacker's grant waits for an approver and stays on its key.
        var grant = Assert.Single(truth.KmsGrants);
        Assert.Contains(journal, e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["outcome"] == Outcomes.PendingApproval
            && ((string?)e.Data["actionId"])?.StartsWith($"revoke-kms-grant/kms-grant:{grant.Region}:{grant.KeyId}/{grant.GrantId}", StringComparison.Ordinal) == true);
        lock (_range.State.Sync)
        {
            Assert.Contains(_range.State.Kms(grant.Region).Find(grant.KeyId)!.Grants, g => g.GrantId == grant.GrantId);
            Assert.DoesNotContain(_range.State.Calls, c => c.EventName == "RevokeGrant");
        }
    }
}
