namespace Shodo.Drill.Tests;

/// <summary>
/// The drill's pass/fail rule (<see cref="DrillScorecard.Passes"/>): everything expected found, nothing legitimate
/// reported, nothing the adversary got through after containment, no destructive call, a case that verifies,
/// and without the key the leaked key ranked first among candidates that are all the attacker's.
/// </summary>
public sealed class DrillScorecardTests
{
    private static readonly DrillScorecard Perfect = new()
    {
        CaseDir = "cases/c", Scenario = "leaked-key-cryptomining",
        IdentitiesFound = 5, IdentitiesExpected = 5, ResourcesFound = 88, ResourcesExpected = 88, EvidenceVerified = true,
    };

    [Fact]
    public void Everything_found_nothing_else_and_a_verified_case_passes() => Assert.True(Perfect.Passes());

    [Fact]
    public void Any_one_shortfall_fails()
    {
        Assert.False((Perfect with { IdentitiesFound = 4 }).Passes());
        Assert.False((Perfect with { ResourcesFound = 87 }).Passes());
        Assert.False((Perfect with { FalsePositives = 1 }).Passes());
        Assert.False((Perfect with { DestructiveCalls = 1 }).Passes());
        Assert.False((Perfect with { AdversarySuccessesAfterContained = 1 }).Passes());
        Assert.False((Perfect with { EvidenceVerified = false }).Passes());
        Assert.False((Perfect with { DataDoorsOpenAfterContained = 1 }).Passes());
        Assert.False((Perfect with { AttackerConnectionsOpen = ["i-0abc eni-0def -> 198.51.100.77:3333"] }).Passes());
    }

    [Fact]
    public void Without_the_key_the_leaked_key_must_rank_first_among_candidates_that_are_all_the_attackers()
    {
        var triaged = Perfect with { TriageCandidates = 3, TriageLeakedKeyRank = 1, TriageFalseCandidates = [] };
        Assert.True(triaged.Passes());
        Assert.False((triaged with { TriageLeakedKeyRank = 2 }).Passes());
        Assert.False((triaged with { TriageLeakedKeyRank = null }).Passes());
        Assert.False((triaged with { TriageFalseCandidates = ["user:ci-deploy"] }).Passes());
    }

    [Fact]
    public void An_attacker_principal_with_credentials_neither_contained_nor_escalated_fails()
    {
        var persistence = Perfect with { PersistenceExpected = 2, PersistenceSurfaced = 2 };
        Assert.True(persistence.Passes());
        Assert.False((persistence with { PersistenceSurfaced = 1 }).Passes());
    }

    [Fact]
    public void Persistence_counts_keys_deactivated_or_waiting_for_approval_and_names_the_rest()
    {
        var actor = new Shodo.Cases.Actor("tester", "host");
        Shodo.Cases.JournalEntry Outcome(string user, string outcome) => new(1, DateTimeOffset.UnixEpoch, actor, "containment.outcome",
            new System.Text.Json.Nodes.JsonObject { ["actionId"] = $"deactivate-access-keys/iam-user:global:{user}", ["outcome"] = outcome }, null, "", "");

        var (surfaced, expected, missed) = PersistenceScore.Score(
            [Outcome("backdoor", "failed"), Outcome("backdoor", "done"), Outcome("waiting", "pending-approval"), Outcome("failed", "failed")],
            ["backdoor", "waiting", "failed", "unplanned"]);

        Assert.Equal((2, 4), (surfaced, expected));
        Assert.Equal(["failed", "unplanned"], missed);
    }

    [Fact]
    public void An_attacker_instance_lost_left_running_or_replaced_by_its_group_fails()
    {
        Assert.False((Perfect with { AttackerInstancesLost = ["i-0a1b2c3d4e5f60718"] }).Passes());
        Assert.False((Perfect with { AttackerInstancesUncontained = ["i-0a1b2c3d4e5f60718"] }).Passes());
        Assert.False((Perfect with { InstancesReplacedDuringResponse = ["i-0a1b2c3d4e5f60719"] }).Passes());
    }
    [Fact]
    public void In_an_organisation_every_account_the_attacker_reached_must_be_entered_and_responded_in()
    {
        Assert.True((Perfect with { AccountsReached = 2, AccountsExpected = 2, AccountsEntered = 5 }).Passes());
        Assert.False((Perfect with { AccountsReached = 1, AccountsExpected = 2, AccountsEntered = 4, AccountsNotEntered = ["511122223337"] }).Passes());
    }
}
