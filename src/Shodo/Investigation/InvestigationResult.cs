using Shodo.Investigation.Model;
using Shodo.Investigation.Sources;

namespace Shodo.Investigation;

/// <summary>What an investigation established, and what it could not read (any gap: incomplete, exit code 3).</summary>
public sealed record InvestigationResult(
    string? AccountId,
    string? OwnerUserName,
    IReadOnlyList<AttackerIdentity> Identities,
    IReadOnlyList<AttackerResource> Resources,
    IReadOnlyList<Finding> Findings,
    Model.Impact Impact,
    IReadOnlyList<SourceGap> Gaps,
    int RecordsRead,
    int TimelineEvents,
    DateTimeOffset? CompromiseStart)
{
    public bool Complete => Gaps.Count == 0;

    /// <summary>What the recorded state strongly suggests is the attacker's where the events could not be read (suspected.json).</summary>
    public IReadOnlyList<Suspicion.SuspectedTarget> Suspected { get; init; } = [];

    /// <summary>A member account's organisation trail folder that could not be read, and LookupEvents read instead; else null.</summary>
    public Evidence.CoverageEventsFallback? EventsFallback { get; init; }
}
