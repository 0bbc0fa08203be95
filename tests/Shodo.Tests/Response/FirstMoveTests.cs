using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// The first move, at second zero: the leaked key's owner is read (its before-state recorded whole) and cut —
/// denied, every key Inactive — before anything account-wide is recorded or read; what the authority policy
/// withholds is asked for at once and nothing is changed without it.
/// </summary>
public sealed class FirstMoveTests : IAsyncLifetime
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

    private FirstResponseOptions Options(ShodoConfiguration configuration, string? key = null) => RangeResponseOptions.For(_range, _cases.Path,
        new ResponseRequest { AccessKeyId = key ?? _range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true }, configuration);

    private string OwnerTarget => $"{TargetKinds.User}:global:{_range.GroundTruth!.LeakedUserName}";

    [Fact]
    public async Task The_leaked_key_is_cut_before_collection_starts_with_its_owner_recorded_first()
    {
        var result = await FirstResponse.RunAsync(Options(ShodoConfiguration.Empty), TimeProvider.System, _progress, CancellationToken.None);

        var journal = JournalReader.Read(result.Folder).ToList();
        var collect = journal.FindIndex(e => e.Kind == "collect.started");
        var firstChange = journal.FindIndex(e => e.Kind == ContainmentJournalKinds.Changed);
        Assert.InRange(firstChange, 0, collect);
        var changesBeforeCollect = journal.Take(collect).Where(e => e.Kind == ContainmentJournalKinds.Changed).ToList();
        Assert.All(changesBeforeCollect, e => Assert.Equal(OwnerTarget, (string?)e.Data["target"]));
        Assert.Contains(changesBeforeCollect, e => (string?)e.Data["operation"] == "iam:UpdateAccessKey");
        Assert.Contains(changesBeforeCollect, e => (string?)e.Data["operation"] == "iam:PutUserPolicy");

        // Before-state first, per target, and whole: keys, policies, groups, login profile.
        var before = journal.FindIndex(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["target"] == OwnerTarget);
        Assert.InRange(before, 0, firstChange);
        using var @case = Case.Load(result.CaseDirectory, new CaseOptions());
        var plan = Shodo.Containment.Plan.PlanFile.Read(@case).Plan;
        Assert.Contains(plan.Actions, a => a.Id == $"deactivate-access-keys/{OwnerTarget}");
        Assert.Contains(plan.AlreadyDone, id => id == $"deactivate-access-keys/{OwnerTarget}"); // the whole plan found it done

        var step = result.Outcome.Steps.First();
        Assert.Equal(FirstMoveStep.StepName, step.Step);
        Assert.Equal(StepOutcome.Done, step.Result.Outcome);
        lock (_range.State.Sync)
            Assert.Equal("Inactive", _range.State.Iam.AccessKeys[_range.GroundTruth!.LeakedAccessKeyId!].Status);
        Assert.True(CaseVerifier.Verify(result.CaseDirectory).Intact);
    }

    [Fact]
    public async Task The_first_move_records_the_owners_whole_before_state()
    {
        var result = await FirstResponse.RunAsync(Options(ShodoConfiguration.Empty), TimeProvider.System, _progress, CancellationToken.None);

        var before = JournalReader.Read(result.Folder)
            .First(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["target"] == OwnerTarget);
        var evidence = (string)before.Data["evidence"]!;
        using var @case = Case.Load(result.CaseDirectory, new CaseOptions());
        var state = System.Text.Json.Nodes.JsonNode.Parse(await @case.Evidence.ReadAsync(evidence))!.AsObject();
        Assert.Equal(_range.GroundTruth!.LeakedUserName, (string?)state["userName"]);
        Assert.Contains(state["accessKeys"]!.AsArray(), k => (string?)k!["accessKeyId"] == _range.GroundTruth.LeakedAccessKeyId
                                                              && (string?)k["status"] == "Active");
        foreach (var part in new[] { "inlinePolicies", "attachedPolicies", "groups" }) Assert.NotNull(state[part]);
        Assert.True(state.ContainsKey("loginProfile"));
    }

    [Fact]
    public async Task A_policy_that_withholds_it_asks_at_once_and_changes_nothing_without_approval()
    {
        var withheld = ShodoConfiguration.Parse("shodo.yaml", "authority:\n  responder: [stop-instance]\n  approvers: [ciso]\n");

        var result = await FirstResponse.RunAsync(Options(withheld), TimeProvider.System, _progress, CancellationToken.None);

        var step = result.Outcome.Steps.First();
        Assert.Equal(FirstMoveStep.StepName, step.Step);
        Assert.Equal(StepOutcome.Incomplete, step.Result.Outcome);
        Assert.Contains("shodo approve", step.Result.Detail, StringComparison.Ordinal);
        var journal = JournalReader.Read(result.Folder).ToList();
        var collect = journal.FindIndex(e => e.Kind == "collect.started");
        Assert.Contains(journal.Take(collect), e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["outcome"] == Outcomes.PendingApproval);
        Assert.DoesNotContain(journal, e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == OwnerTarget);
        lock (_range.State.Sync)
            Assert.Equal("Active", _range.State.Iam.AccessKeys[_range.GroundTruth!.LeakedAccessKeyId!].Status);
    }

    [Fact]
    public async Task A_leaked_session_key_is_cut_at_once_through_the_principal_CloudTrail_shows_using_it()
    {
        // The attacker's GetSessionToken session (an ASIA key): no IAM call names its owner, CloudTrail does.
        var session = _range.Scenario!.Credentials["attackerSession"].AccessKeyId;
        Assert.StartsWith("ASIA", session);

        var result = await FirstResponse.RunAsync(Options(ShodoConfiguration.Empty, session), TimeProvider.System, _progress, CancellationToken.None);

        var step = result.Outcome.Steps.First();
        Assert.Equal((FirstMoveStep.StepName, StepOutcome.Done), (step.Step, step.Result.Outcome));
        var journal = JournalReader.Read(result.Folder).ToList();
        var collect = journal.FindIndex(e => e.Kind == "collect.started");
        Assert.Contains(journal.Take(collect), e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == OwnerTarget
                                                    && (string?)e.Data["operation"] == "iam:PutUserPolicy");
        lock (_range.State.Sync)
            Assert.Equal("Inactive", _range.State.Iam.AccessKeys[_range.GroundTruth!.LeakedAccessKeyId!].Status);
    }
}
