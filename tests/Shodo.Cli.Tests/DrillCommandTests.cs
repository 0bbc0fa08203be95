using System.Text.Json;
using Shodo.Cases;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo drill --output json</c>, the README's first command, end to end on the embedded range
/// with its live adversary: issue 8's acceptance fields, from a scorecard computed against the
/// scenario's ground truth and what the adversary created.
/// </summary>
public sealed class DrillCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-drill-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.1")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("1e300")]
    public async Task An_adversary_interval_outside_its_bounds_is_refused_before_any_range_starts(string seconds)
    {
        var run = await CliRun.Invoke("drill", "--case-dir", _root, "--adversary-interval", seconds, "--lang", "en");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--adversary-interval", run.Error);
        Assert.Contains("from 0.2 to 86400", run.Error);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task A_leaked_root_key_is_escalated_at_once_as_a_decision_and_its_compute_is_contained()
    {
        var run = await CliRun.Invoke("drill", "--scenario", "leaked-key-root", "--case-dir", _root, "--output", "json",
            "--adversary-interval", "2", "--lang", "en");

        // Not contained, and said so: only root can deactivate a root key.
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var card = JsonDocument.Parse(run.Out).RootElement;
        // What the root key still does after containment is counted apart, as only root can stop it (escalated); nothing else got through.
        Assert.True(card.GetProperty("adversary_successes_after_contained").GetInt64() == 0, card.GetProperty("adversary_successes_after_contained_detail").ToString());
        Assert.True(card.GetProperty("adversary_successes_beyond_reach").GetInt64() > 0);
        Assert.All(card.GetProperty("adversary_successes_beyond_reach_detail").EnumerateArray(),
            d => Assert.Contains("(escalate-root-key/iam-root-access-key:global:", d.GetString()));
        Assert.Equal("leaked-key-root", card.GetProperty("scenario").GetString());
        Assert.Equal(card.GetProperty("identities_expected").GetInt32(), card.GetProperty("identities_found").GetInt32());
        Assert.Equal(card.GetProperty("resources_expected").GetInt32(), card.GetProperty("resources_found").GetInt32());
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        Assert.True(card.GetProperty("evidence_verified").GetBoolean());

        var caseDir = card.GetProperty("case_dir").GetString()!;
        var journal = JournalReader.Read(CaseFolder.At(caseDir));
        var outcomes = journal.Where(e => e.Kind == "containment.outcome").ToList();
        var root = Assert.Single(outcomes, e => ((string?)e.Data["actionId"])!.StartsWith("escalate-root-key/", StringComparison.Ordinal));
        Assert.Equal("needs-decision", (string?)root.Data["outcome"]);
        Assert.Contains("is the root user's access key", (string?)root.Data["reason"]);
        // At once: in the first round, before any instance was stopped.
        Assert.True(root.Seq < outcomes.Where(e => ((string?)e.Data["actionId"])!.StartsWith("stop-instance/", StringComparison.Ordinal)).Min(e => e.Seq));
        Assert.Contains("escalate-root-key", run.Error);
        // The compute the key (and its backdoor) launched is stopped.
        var stops = outcomes.Where(e => ((string?)e.Data["actionId"])!.StartsWith("stop-instance/", StringComparison.Ordinal)).ToList();
        Assert.True(stops.Count >= 3);
        Assert.All(stops, e => Assert.Contains((string?)e.Data["outcome"], new[] { "done", "already-done" }));
        Assert.Contains("is the root user's access key", await File.ReadAllTextAsync(Path.Combine(caseDir, "report.en.md")));
    }

    [Fact]
    public async Task The_drill_finds_everything_contains_the_adversary_and_leaves_a_verified_case()
    {
        var run = await CliRun.Invoke("drill", "--case-dir", _root, "--output", "json", "--adversary-interval", "2");

        var card = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Equal("leaked-key-cryptomining", card.GetProperty("scenario").GetString());
        Assert.Equal(card.GetProperty("identities_expected").GetInt32(), card.GetProperty("identities_found").GetInt32());
        Assert.Equal(card.GetProperty("resources_expected").GetInt32(), card.GetProperty("resources_found").GetInt32());
        Assert.True(card.GetProperty("resources_expected").GetInt32() >= 40);
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        Assert.True(card.GetProperty("false_statements").GetInt32() == 0, card.GetProperty("false_statement_detail").ToString());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        Assert.Equal(0, card.GetProperty("adversary_successes_after_contained").GetInt64());
        Assert.Equal(0, card.GetProperty("data_doors_open_after_contained").GetInt32());
        Assert.True(card.GetProperty("evidence_verified").GetBoolean());
        foreach (var field in new[] { "seconds_to_first_notification", "seconds_to_evidence_captured", "seconds_to_contained", "seconds_to_key_refused" })
            Assert.True(card.GetProperty(field).GetDouble() >= 0, field);
        Assert.True(card.GetProperty("seconds_to_first_notification").GetDouble() < card.GetProperty("seconds_to_contained").GetDouble());
        // The first move: the leaked key is refused before the account's state is even recorded.
        Assert.True(card.GetProperty("seconds_to_key_refused").GetDouble() < card.GetProperty("seconds_to_evidence_captured").GetDouble());

        var caseDir = card.GetProperty("case_dir").GetString()!;
        Assert.True(CaseVerifier.Verify(caseDir).Intact);
        var kinds = JournalReader.Read(CaseFolder.At(caseDir)).Select(e => e.Kind).ToHashSet();
        Assert.Contains("escalation.acknowledged", kinds);
        Assert.Contains("containment.verified", kinds);
        Assert.Contains(JournalReader.Read(CaseFolder.At(caseDir)), e => e.Kind == "containment.changed"
            && (string?)e.Data["operation"] == "rds:ModifyDBSnapshotAttribute" && e.Data["request"]?["valuesToRemove"] is not null);
        AssertProgressLines(run.Error);
    }

    [Fact]
    public async Task Blind_the_drill_surfaces_the_attackers_persistence_from_the_recorded_state_without_deleting_anything()
    {
        var run = await CliRun.Invoke("drill", "--scenario", "leaked-key-blind", "--case-dir", _root, "--output", "json", "--adversary-interval", "2");

        var card = JsonDocument.Parse(run.Out).RootElement;
        Assert.Equal("leaked-key-blind", card.GetProperty("scenario").GetString());
        Assert.True(card.GetProperty("persistence_expected").GetInt32() >= 1);
        Assert.Equal(card.GetProperty("persistence_expected").GetInt32(), card.GetProperty("persistence_surfaced").GetInt32());
        Assert.Empty(card.GetProperty("persistence_missed").EnumerateArray());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        var caseDir = card.GetProperty("case_dir").GetString()!;
        Assert.True(CaseVerifier.Verify(caseDir).Intact);
        // Respond saw nothing of the events: it says so (exit 3, incomplete) and still contained the backdoor's keys.
        var journal = JournalReader.Read(CaseFolder.At(caseDir));
        Assert.Equal("incomplete", (string?)journal.Last(e => e.Kind == "respond.finished").Data["outcome"]);
        Assert.Contains(journal, e => e.Kind == "containment.outcome" && (string?)e.Data["outcome"] == "done"
                                      && (string?)e.Data["actionId"] == "deactivate-access-keys/iam-user:global:aws-support-svc");
    }

    [Fact]
    public async Task The_compute_edges_drill_holds_the_attackers_auto_scaling_group_and_fleets_and_loses_or_replaces_no_instance()
    {
        var run = await CliRun.Invoke("drill", "--scenario", "leaked-key-compute-edges", "--case-dir", _root, "--output", "json",
            "--adversary-interval", "2");

        var card = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Equal(card.GetProperty("resources_expected").GetInt32(), card.GetProperty("resources_found").GetInt32());
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        Assert.Equal(0, card.GetProperty("adversary_successes_after_contained").GetInt64());
        foreach (var field in new[] { "attacker_instances_lost", "attacker_instances_uncontained", "instances_replaced_during_response" })
            Assert.Equal(0, card.GetProperty(field).GetArrayLength());

        var caseDir = card.GetProperty("case_dir").GetString()!;
        Assert.True(CaseVerifier.Verify(caseDir).Intact);
        var journal = JournalReader.Read(CaseFolder.At(caseDir));
        var held = journal.First(e => e.Kind == "containment.changed" && ((string?)e.Data["actionId"])!.StartsWith("suspend-asg-launch/", StringComparison.Ordinal));
        var firstMemberStop = journal.First(e => e.Kind == "containment.changed" && ((string?)e.Data["actionId"])!.StartsWith("stop-instance/ec2-instance:eu-west-1:", StringComparison.Ordinal));
        Assert.True(held.Seq < firstMemberStop.Seq);
        // The maintain Spot Fleet is held at capacity 0 (noTermination) before any of its instances is touched.
        var fleetHeld = journal.First(e => e.Kind == "containment.changed" && ((string?)e.Data["actionId"])!.StartsWith("hold-spot-fleet/", StringComparison.Ordinal));
        var firstFleetMember = journal.First(e => e.Kind == "containment.changed" && ((string?)e.Data["actionId"])!.Contains("ec2-instance:us-west-2:", StringComparison.Ordinal));
        Assert.True(fleetHeld.Seq < firstFleetMember.Seq);
        // EC2 refuses termination protection on Spot: it is never attempted there, and nothing failed.
        Assert.DoesNotContain(journal, e => e.Kind == "containment.before"
            && ((string?)e.Data["actionId"])!.StartsWith("enable-termination-protection/", StringComparison.Ordinal)
            && (string?)e.Data["state"]?["lifecycle"] == "spot");
        Assert.Contains(journal, e => e.Kind == "containment.before" && (string?)e.Data["state"]?["lifecycle"] == "spot");
        Assert.DoesNotContain(journal, e => e.Kind == "containment.outcome" && (string?)e.Data["outcome"] == "failed");

        // The maintain EC2 Fleet is held (ModifyFleet, no-termination) before its members are touched; they are stopped.
        string? Action(JournalEntry e) => (string?)e.Data["actionId"];
        var ec2FleetHeld = journal.First(e => e.Kind == "containment.changed" && Action(e)!.StartsWith("hold-ec2-fleet/", StringComparison.Ordinal));
        Assert.True(ec2FleetHeld.Seq < journal.First(e => e.Kind == "containment.changed" && Action(e)!.Contains("ec2-instance:us-east-2:", StringComparison.Ordinal)).Seq);
        Assert.Equal(2, journal.Count(e => e.Kind == "containment.changed" && Action(e)!.StartsWith("stop-instance/ec2-instance:us-east-2:", StringComparison.Ordinal)));
        // DisableApiStop is cleared (before-state journaled) before the stop EC2 would otherwise refuse.
        var cleared = journal.First(e => e.Kind == "containment.changed" && Action(e)!.StartsWith("clear-disable-api-stop/ec2-instance:eu-west-2:", StringComparison.Ordinal));
        Assert.True(cleared.Seq < journal.First(e => e.Kind == "containment.changed" && Action(e)!.StartsWith("stop-instance/ec2-instance:eu-west-2:", StringComparison.Ordinal)).Seq);
        // The two-interface Spot instance is isolated interface by interface (all-open, then quarantine: its connection is cut).
        Assert.Equal(4, journal.Count(e => e.Kind == "containment.changed" && Action(e)!.StartsWith("isolate-instance/ec2-instance:eu-north-1:", StringComparison.Ordinal)
                                           && (string?)e.Data["operation"] == "ec2:ModifyNetworkInterfaceAttribute"));
        Assert.Equal(0, card.GetProperty("attacker_connections_open").GetArrayLength());
        // The instance-store instance is isolated, not stopped; the shared Aurora cluster snapshot is closed.
        Assert.Contains(journal, e => e.Kind == "containment.changed" && Action(e)!.StartsWith("isolate-instance/ec2-instance:ap-southeast-2:", StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Kind == "containment.changed" && Action(e) == "close-data-door/rds-cluster-snapshot:us-east-1:render-accounts-2026-11-30");
        Assert.Equal(0, card.GetProperty("data_doors_open_after_contained").GetInt32());
    }

    [Fact]
    public async Task The_identity_edges_drill_contains_what_IAM_lets_it_and_escalates_the_Identity_Center_session_with_its_commands()
    {
        var run = await CliRun.Invoke("drill", "--scenario", "leaked-key-identity-edges", "--case-dir", _root, "--output", "json",
            "--adversary-interval", "2", "--lang", "en");

        // The Identity Center session is a person's decision: done, but not contained (exit 3), and the drill says nothing else got through.
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var card = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(card.GetProperty("adversary_successes_after_contained").GetInt64() == 0, card.GetProperty("adversary_successes_after_contained_detail").ToString());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        Assert.Equal(card.GetProperty("identities_expected").GetInt32(), card.GetProperty("identities_found").GetInt32());
        Assert.Equal(card.GetProperty("resources_expected").GetInt32(), card.GetProperty("resources_found").GetInt32());
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        Assert.True(card.GetProperty("evidence_verified").GetBoolean());
        const string sso = "AWSReservedSSO_AdministratorAccess_5e1c2b7a9d3f4e60";
        Assert.All(card.GetProperty("adversary_successes_beyond_reach_detail").EnumerateArray(),
            d => Assert.Contains($"(attach-deny-policy/iam-role:global:{sso})", d.GetString()));

        var caseDir = card.GetProperty("case_dir").GetString()!;
        var journal = JournalReader.Read(Shodo.Cases.CaseFolder.At(caseDir));
        // The responder acted through the break-glass role it can only assume with MFA and the external id.
        Assert.Contains(journal, e => ((string?)e.Data["callerArn"])?.StartsWith("arn:aws:sts::111122223333:assumed-role/ShodoBreakGlass/", StringComparison.Ordinal) == true);
        var last = journal.Where(e => e.Kind == "containment.outcome").GroupBy(e => (string)e.Data["actionId"]!).Select(g => g.Last()).ToList();
        string Outcome(string actionId) => (string)last.Single(e => (string?)e.Data["actionId"] == actionId).Data["outcome"]!;
        // Inline policies full: AWSDenyAll instead; the attacker's console password must be reset; the keys Inactive.
        Assert.Equal("done", Outcome("attach-deny-policy/iam-user:global:dev-ito"));
        Assert.Contains(journal, e => e.Kind == "containment.changed" && (string?)e.Data["operation"] == "iam:AttachUserPolicy"
            && e.Data["request"]!.ToJsonString().Contains("arn:aws:iam::aws:policy/AWSDenyAll", StringComparison.Ordinal));
        Assert.Equal("done", Outcome("require-password-reset/iam-user:global:dev-ito"));
        Assert.Equal("done", Outcome("deactivate-access-keys/iam-user:global:dev-ito"));
        // Every item Shodo could not contain is a decision with its command: here the Identity Center role's SCP.
        var decisions = last.Where(e => (string?)e.Data["outcome"] == "needs-decision").ToList();
        Assert.Equal($"attach-deny-policy/iam-role:global:{sso}", (string?)Assert.Single(decisions).Data["actionId"]);
        Assert.All(decisions, e => Assert.Matches(@"aws organizations attach-policy --policy-id POLICY_ID --target-id 111122223333", (string?)e.Data["reason"]));
        var report = System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(Path.Combine(caseDir, "report.en.md")), @"\\(.)", "$1");
        Assert.Contains($"{sso} is an IAM Identity Center role that only AWS can modify", report);
    }

    [Fact]
    public async Task Without_a_key_the_drill_triages_confirms_the_first_candidate_and_still_contains_everything()
    {
        var run = await CliRun.Invoke("drill", "--without-key", "--case-dir", _root, "--output", "json", "--adversary-interval", "2");

        var card = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.True(card.GetProperty("triage_candidates").GetInt32() >= 3);
        Assert.Equal(1, card.GetProperty("triage_leaked_key_rank").GetInt32());
        Assert.Empty(card.GetProperty("triage_false_candidates").EnumerateArray());
        Assert.Equal(card.GetProperty("identities_expected").GetInt32(), card.GetProperty("identities_found").GetInt32());
        Assert.Equal(card.GetProperty("resources_expected").GetInt32(), card.GetProperty("resources_found").GetInt32());
        Assert.Equal(0, card.GetProperty("false_positives").GetInt32());
        Assert.Equal(0, card.GetProperty("adversary_successes_after_contained").GetInt64());
        Assert.Equal(0, card.GetProperty("destructive_calls").GetInt64());
        var kinds = JournalReader.Read(CaseFolder.At(card.GetProperty("case_dir").GetString()!)).Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf("triage.finished") < kinds.IndexOf("investigate.started"), "triage comes before the investigation");
        Assert.Contains("The drill confirms the first candidate", run.Error);
    }

    [Fact]
    public async Task In_Japanese_the_drill_speaks_Japanese_from_progress_to_scorecard_and_report()
    {
        var run = await CliRun.Invoke("drill", "--lang", "ja", "--case-dir", _root, "--adversary-interval", "2");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Contains("証拠の検証", run.Out);
        Assert.Contains("はい", run.Out);
        Assert.DoesNotContain("True", run.Out);
        Assert.Contains("リージョンから", run.Out);
        Assert.Contains("攻撃者のイベント", run.Out);
        foreach (var english in new[] { "responses from", "attacker events", "collected state", "trail log files", "responses stored", "events read" })
            Assert.DoesNotContain(english, run.Out);
        var caseDir = Directory.GetDirectories(_root).Single();
        Assert.True(File.Exists(Path.Combine(caseDir, "report.ja.html")));
        var report = File.ReadAllText(Path.Combine(caseDir, "report.ja.md"));
        Assert.Contains("封じ込め", report);
        Assert.Contains("攻撃者が aws-support-svc に作成したアクセスキー。", report);
        Assert.Contains("1 回限りのスポットインスタンスは停止できません", report);
        foreach (var english in new[] { "Access key the attacker created", "The attacker read", "cannot be stopped", "The attacker started servers" })
            Assert.DoesNotContain(english, report);
    }

    /// <summary>
    /// The progress log on stderr (no terminal, so lines): one line per region for collect and for
    /// investigate, and the wait for level 1's acknowledgement appearing, then clearing when the
    /// rehearsal receiver acknowledges.
    /// </summary>
    private static void AssertProgressLines(string log)
    {
        var lines = log.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        int Count(string pattern) => lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, pattern));
        Assert.Equal(1, Count(@"· collect\s+us-east-1: \d+ responses stored$"));
        Assert.Equal(1, Count(@"· collect\s+global: \d+ responses stored$"));
        Assert.True(Count(@"· collect\s+[a-z]{2}-[a-z]+-\d: \d+ responses stored$") >= 17, log);
        Assert.Equal(1, Count(@"· investigate\s+us-east-1: [1-9]\d* events read$"));
        Assert.True(Count(@"· investigate\s+[a-z]{2}-[a-z]+-\d: \d+ events read$") >= 17, log);
        var waiting = lines.FindIndex(l => l.Contains("escalate     waiting for level 1 (on-call): On-call engineer: acknowledgement", StringComparison.Ordinal));
        var cleared = lines.FindIndex(l => l.Contains("escalate     no longer waiting for level 1 (on-call): On-call engineer", StringComparison.Ordinal));
        Assert.True(waiting >= 0 && cleared > waiting, log);
        Assert.Equal(1, Count(@"… escalate\s+waiting for level 1 "));
    }
}
