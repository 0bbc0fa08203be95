using System.Text.Json.Serialization;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Escalation;
using Shodo.Evidence;
using Shodo.Investigation.Model;

namespace Shodo.Drill;

/// <summary>
/// How the drill went: times from the case opening to the first
/// notification, the evidence and containment (from the journal), the adversary's successes after
/// containment and Shodo's destructive calls (from the range), and the investigation scored
/// against <see cref="DrillTruth"/>.
/// </summary>
public sealed record DrillScorecard
{
    [JsonPropertyName("case_dir")] public required string CaseDir { get; init; }
    [JsonPropertyName("scenario")] public required string Scenario { get; init; }
    [JsonPropertyName("seconds_to_first_notification")] public double? SecondsToFirstNotification { get; init; }
    [JsonPropertyName("seconds_to_evidence_captured")] public double? SecondsToEvidenceCaptured { get; init; }
    [JsonPropertyName("seconds_to_contained")] public double? SecondsToContained { get; init; }
    /// <summary>From the response's start until every call with the leaked key was refused, measured by calling with it (<see cref="LeakedKeyPoller"/>).</summary>
    [JsonPropertyName("seconds_to_key_refused")] public double? SecondsToKeyRefused { get; init; }
    /// <summary>
    /// The adversary's successes after containment (or, when containment never held, after the response) with credentials
    /// a responder can contain, or beyond reach but never escalated (<see cref="AdversaryReach"/>): any is a failure.
    /// </summary>
    [JsonPropertyName("adversary_successes_after_contained")] public long AdversarySuccessesAfterContained { get; init; }
    [JsonPropertyName("destructive_calls")] public long DestructiveCalls { get; init; }
    [JsonPropertyName("identities_found")] public int IdentitiesFound { get; init; }
    [JsonPropertyName("identities_expected")] public int IdentitiesExpected { get; init; }
    [JsonPropertyName("resources_found")] public int ResourcesFound { get; init; }
    [JsonPropertyName("resources_expected")] public int ResourcesExpected { get; init; }
    [JsonPropertyName("false_positives")] public int FalsePositives { get; init; }
    [JsonPropertyName("evidence_verified")] public bool EvidenceVerified { get; init; }
    [JsonPropertyName("report_path")] public string? ReportPath { get; init; }
    /// <summary>What was reported as the attacker's but is not (ids), for the text view.</summary>
    [JsonPropertyName("false_positive_ids")] public IReadOnlyList<string> FalsePositiveIds { get; init; } = [];
    /// <summary>The adversary's calls that still succeeded after containment: "service:Operation KEYID: count".</summary>
    [JsonPropertyName("adversary_successes_after_contained_detail")] public IReadOnlyList<string> AdversarySuccessesAfterContainedDetail { get; init; } = [];
    /// <summary>
    /// The adversary's successes after containment with credentials no IAM principal can contain (the root user's key,
    /// a session of a role only AWS can modify) whose decision the response escalated at once: only root, or an SCP from
    /// the management account, stops them. Counted apart, not against the responder; the response still ends incomplete (exit 3).
    /// </summary>
    [JsonPropertyName("adversary_successes_beyond_reach")] public long AdversarySuccessesBeyondReach { get; init; }
    /// <summary>Those successes: "service:Operation KEYID: count (the escalated action)".</summary>
    [JsonPropertyName("adversary_successes_beyond_reach_detail")] public IReadOnlyList<string> AdversarySuccessesBeyondReachDetail { get; init; } = [];
    /// <summary>What should have been found and was not (ids).</summary>
    /// <summary>The accounts the attacker reached (ground truth) that Shodo entered, named as reached, and responded in (issue 21).</summary>
    [JsonPropertyName("accounts_reached")] public int? AccountsReached { get; init; }
    /// <summary>The accounts the attacker reached, by the ground truth; null for a one-account scenario.</summary>
    [JsonPropertyName("accounts_expected")] public int? AccountsExpected { get; init; }
    /// <summary>Every other account Shodo entered (reached or not), each recorded in a sub-case of its own.</summary>
    /// <summary>Seconds from the case's opening until the last other account entered was contained (null when one was not).</summary>
    [JsonPropertyName("seconds_to_accounts_contained")] public double? SecondsToAccountsContained { get; init; }
    [JsonPropertyName("accounts_entered")] public int? AccountsEntered { get; init; }
    /// <summary>Per other account Shodo contained something in: seconds from the case's opening until containment held there (<see cref="AccountsContainedAt"/>).</summary>
    [JsonPropertyName("seconds_to_contained_by_account")] public IReadOnlyDictionary<string, double?>? SecondsToContainedByAccount { get; init; }
    /// <summary>Accounts Shodo could not enter (their role refused): named gaps.</summary>
    [JsonPropertyName("accounts_not_entered")] public IReadOnlyList<string>? AccountsNotEntered { get; init; }
    [JsonPropertyName("missed_ids")] public IReadOnlyList<string> MissedIds { get; init; } = [];
    /// <summary>Doors to the data (snapshots shared out, public) still open to the attacker's outside accounts at the end, from the range's final state.</summary>
    [JsonPropertyName("data_doors_open_after_contained")] public int DataDoorsOpenAfterContained { get; init; }
    /// <summary>Which doors those are: "rds-snapshot:REGION:ID -> ACCOUNT".</summary>
    [JsonPropertyName("data_doors_open_after_contained_detail")] public IReadOnlyList<string> DataDoorsOpenAfterContainedDetail { get; init; } = [];
    /// <summary>
    /// Doors left open by decision, not counted in <see cref="DataDoorsOpenAfterContained"/>: a RAM share still associated with
    /// the attacker's outside account ("ram-share:REGION:ARN -> ACCOUNT"). Shodo reports RAM shares and does not disassociate
    /// them (a principal associated again is a new association and, outside the organisation, a new invitation: the before-state
    /// could not be restored); the report gives a person the command. Listed so the drill says it, not to fail it.
    /// </summary>
    [JsonPropertyName("data_doors_open_by_decision")] public IReadOnlyList<string> DataDoorsOpenByDecision { get; init; } = [];
    /// <summary>
    /// The named, approved destructive steps Shodo sent (a KMS grant to an outside account revoked, approved by the authority
    /// policy or an approver), counted apart from <see cref="DestructiveCalls"/>: the range's successful calls that the journal
    /// shows sent inside an approved step. One the journal does not show so counts in <see cref="DestructiveCalls"/>.
    /// </summary>
    [JsonPropertyName("approved_destructive_steps")] public long ApprovedDestructiveSteps { get; init; }
    /// <summary>Those steps: "kms:RevokeGrant kms-grant:REGION:KEY/GRANT".</summary>
    [JsonPropertyName("approved_destructive_steps_detail")] public IReadOnlyList<string> ApprovedDestructiveStepsDetail { get; init; } = [];

    /// <summary>The attacker's principals holding credentials whose keys were deactivated or whose deactivation was escalated for a decision.</summary>
    [JsonPropertyName("persistence_surfaced")] public int PersistenceSurfaced { get; init; }
    /// <summary>The attacker's principals holding credentials, from the ground truth.</summary>
    [JsonPropertyName("persistence_expected")] public int PersistenceExpected { get; init; }
    /// <summary>The attacker's principals holding credentials that were neither contained nor escalated.</summary>
    [JsonPropertyName("persistence_missed")] public IReadOnlyList<string> PersistenceMissed { get; init; } = [];
    /// <summary>Statements of the report's summary and current state that the ground truth and the range's final state contradict.</summary>
    [JsonPropertyName("false_statements")] public int FalseStatements { get; init; }
    /// <summary>What each false statement said and what is true (<see cref="Drill.FalseStatements"/>).</summary>
    [JsonPropertyName("false_statement_detail")] public IReadOnlyList<string> FalseStatementDetail { get; init; } = [];

    /// <summary>Scenario attacker instances terminated or gone at the end (evidence lost), by id.</summary>
    [JsonPropertyName("attacker_instances_lost")] public IReadOnlyList<string> AttackerInstancesLost { get; init; } = [];
    /// <summary>Scenario attacker instances still running outside a quarantine group at the end, by id.</summary>
    [JsonPropertyName("attacker_instances_uncontained")] public IReadOnlyList<string> AttackerInstancesUncontained { get; init; } = [];
    /// <summary>Instances an Auto Scaling group launched after the response began (replacements), by id.</summary>
    [JsonPropertyName("instances_replaced_during_response")] public IReadOnlyList<string> InstancesReplacedDuringResponse { get; init; } = [];
    /// <summary>Live connections the scenario's attacker instances still hold at the end (<c>INSTANCE ENI -> REMOTE:PORT</c>): isolation must cut them.</summary>
    [JsonPropertyName("attacker_connections_open")] public IReadOnlyList<string> AttackerConnectionsOpen { get; init; } = [];

    /// <summary>With --without-key: how many candidates triage presented.</summary>
    [JsonPropertyName("triage_candidates")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TriageCandidates { get; init; }
    /// <summary>With --without-key: where the leaked key ranked among the candidates (1 = first; null = not presented).</summary>
    [JsonPropertyName("triage_leaked_key_rank")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TriageLeakedKeyRank { get; init; }
    /// <summary>With --without-key: legitimate identities presented as candidates.</summary>
    [JsonPropertyName("triage_false_candidates")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? TriageFalseCandidates { get; init; }

    /// <summary>
    /// The drill passes when everything expected was found and nothing legitimate was reported, the adversary got
    /// nothing through after containment with a credential a responder can contain (what only root or an SCP can stop counts
    /// apart, once escalated as a decision: <see cref="AdversarySuccessesBeyondReach"/>), no door to the data is left open, Shodo made no destructive call, the case verifies,
    /// (without the key) triage ranked the leaked key first and presented no legitimate identity, and every scenario attacker
    /// instance is stopped or isolated, none lost and none replaced by an Auto Scaling group or a fleet during the response, and none
    /// still holds a live connection.
    /// </summary>
    public bool Passes() =>
        this is { FalsePositives: 0, FalseStatements: 0, DestructiveCalls: 0, AdversarySuccessesAfterContained: 0, EvidenceVerified: true, DataDoorsOpenAfterContained: 0 }
        && IdentitiesFound == IdentitiesExpected && ResourcesFound == ResourcesExpected
        && PersistenceSurfaced == PersistenceExpected
        && (TriageCandidates is null || this is { TriageLeakedKeyRank: 1, TriageFalseCandidates.Count: 0 })
        && this is { AttackerInstancesLost.Count: 0, AttackerInstancesUncontained.Count: 0, InstancesReplacedDuringResponse.Count: 0 }
        && AttackerConnectionsOpen.Count == 0
        && AccountsReached == AccountsExpected;

    /// <summary>
    /// The journal entry from which containment held: the first verification that said contained after which the response
    /// changed nothing more (a pursuit's early verification does not count when the whole plan still had to contain more).
    /// The watch's later changes are late events, not the response's first containment.
    /// </summary>
    public static long? ContainedAt(IReadOnlyList<JournalEntry> journal)
    {
        var watch = journal.FirstOrDefault(e => e.Kind == Response.ResponseJournalKinds.StepStarted
                                                && (string?)e.Data["step"] == Response.Steps.WatchStep.StepName)?.Seq ?? long.MaxValue;
        var lastChange = journal.LastOrDefault(e => e.Kind == ContainmentJournalKinds.Changed && e.Seq < watch)?.Seq ?? 0;
        return journal.FirstOrDefault(e => e.Kind == ContainmentJournalKinds.Verified && e.Seq > lastChange
                                           && (bool?)e.Data["contained"] == true)?.Seq;
    }

    public static DrillScorecard Score(CaseFolder folder, string scenario, DrillTruth truth, long adversaryAfter,
        long destructive, string? reportPath)
    {
        var journal = JournalReader.Read(folder);
        var opened = journal.FirstOrDefault()?.Time;
        double? Since(Func<JournalEntry, bool> match) =>
            opened is { } t0 && journal.FirstOrDefault(match) is { } e ? Math.Round((e.Time - t0).TotalSeconds, 1) : null;

        var identities = InvestigationFiles.ReadIdentities(folder)
            .Where(i => i.Confidence == Confidence.Confirmed).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var resources = InvestigationFiles.ReadResources(folder)
            .Where(r => DrillTruth.ScoredResourceTypes.Contains(r.Type))
            .Select(r => DrillTruth.Resource(r.Type, r.Region, r.ResourceId)).ToHashSet(StringComparer.Ordinal);
        var falsePositives = identities.Where(i => !truth.AttackerIdentities.Contains(i))
            .Concat(resources.Where(r => !truth.AttackerResources.Contains(r))).Order(StringComparer.Ordinal).ToList();
        var missed = truth.ExpectedIdentities.Where(i => !identities.Contains(i))
            .Concat(truth.ExpectedResources.Where(r => !resources.Contains(r))).Order(StringComparer.Ordinal).ToList();
        var persistence = PersistenceScore.Score(journal, truth.PersistenceUsers);
        return new DrillScorecard
        {
            PersistenceSurfaced = persistence.Surfaced, PersistenceExpected = persistence.Expected, PersistenceMissed = persistence.Missed,
            CaseDir = folder.Directory,
            Scenario = scenario,
            SecondsToFirstNotification = Since(e => e.Kind == EscalationJournalKinds.Sent),
            SecondsToEvidenceCaptured = Since(e => e.Kind == CollectJournalKinds.Finished),
            SecondsToContained = ContainedAt(journal) is { } contained ? Since(e => e.Seq == contained) : null,
            AdversarySuccessesAfterContained = adversaryAfter,
            DestructiveCalls = destructive,
            IdentitiesFound = truth.ExpectedIdentities.Count(identities.Contains),
            IdentitiesExpected = truth.ExpectedIdentities.Count,
            ResourcesFound = truth.ExpectedResources.Count(resources.Contains),
            ResourcesExpected = truth.ExpectedResources.Count,
            FalsePositives = falsePositives.Count,
            FalsePositiveIds = falsePositives,
            MissedIds = missed,
            EvidenceVerified = CaseVerifier.Verify(folder.Directory).Intact,
            ReportPath = reportPath,
        };
    }
}
