using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Investigation.Timeline;
using Shodo.Trail.Digests;
using Shodo.Containment.Record;
using Shodo.Escalation.Record;

namespace Shodo.Reports.Facts;

/// <summary>
/// Everything a report states, read from one case folder: case.json, the journal, the evidence index
/// and the investigation's documents. Each format renders these same facts.
/// </summary>
public sealed record CaseFacts
{
    public required string CaseDirectory { get; init; }
    public required CaseManifest Manifest { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required CaseVerification Verification { get; init; }
    public required IReadOnlyList<JournalEntry> Journal { get; init; }
    public IReadOnlyList<EvidenceRecord> Evidence { get; init; } = [];
    public IReadOnlyList<AttackerIdentity> Identities { get; init; } = [];
    public IReadOnlyList<AttackerResource> Resources { get; init; } = [];
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>The other accounts the attacker entered by AssumeRole (accounts-reached.json), and how.</summary>
    public IReadOnlyList<Investigation.Identities.AccountReached> AccountsReached { get; init; } = [];
    /// <summary>The other accounts of the organisation the response entered or could not (accounts.json), each with what was confirmed there.</summary>
    public IReadOnlyList<MemberAccountFacts> MemberAccounts { get; init; } = [];
    public Impact? Impact { get; init; }
    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];
    public EscalationLog Escalation { get; init; } = EscalationLog.None;
    public ContainmentFacts Containment { get; init; } = ContainmentFacts.None;
    public CoverageFacts Coverage { get; init; } = CoverageFacts.None;
    /// <summary>What the event sources saw (coverage.json): every statement about the attacker's actions rests on it.</summary>
    public Investigation.Sight.EventSight Sight { get; init; } = Investigation.Sight.EventSight.FromCoverage(null);
    /// <summary>What each trail archive's digests established when the investigation read it (coverage.json).</summary>
    public IReadOnlyList<TrailDigestOutcome> TrailDigests { get; init; } = [];
    /// <summary>Candidates triage presented when the response started with no key (candidates.json).</summary>
    public IReadOnlyList<CandidateFact> Candidates { get; init; } = [];
    /// <summary>Documents the investigation has not written (yet): the report says so instead of guessing.</summary>
    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    /// <summary>The AWS account: case.json, else the accounts the events name.</summary>
    public string? AccountId => Manifest.AccountId ?? Timeline.Select(t => t.AccountIdHint).FirstOrDefault(a => a is not null);
}
