using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Triage;

/// <summary>
/// What the sign detectors look at: the recorded account, the events of the window (the responder's
/// own calls already removed) grouped by candidate, and each active key's baseline — its events in the
/// days before the window.
/// </summary>
public sealed class TriageContext(AccountSnapshot state, DateTimeOffset since, IReadOnlyList<TrailRecord> recent,
    IReadOnlyDictionary<CandidateId, IReadOnlyList<TrailRecord>> baselines, IReadOnlyDictionary<string, string> sessionParents,
    IReadOnlySet<string> excludedUsers)
{
    public AccountSnapshot State { get; } = state;

    /// <summary>The start of the window: what happened from here on is examined; what came before is the baseline.</summary>
    public DateTimeOffset Since { get; } = since;

    public IReadOnlyList<TrailRecord> Recent { get; } = recent;

    /// <summary>Per key whose baseline was read (possibly empty: the key was not used before the window).</summary>
    public IReadOnlyDictionary<CandidateId, IReadOnlyList<TrailRecord>> Baselines { get; } = baselines;

    /// <summary>Temporary key (ASIA…) → the long-term key that minted it, from the minting events read.</summary>
    public IReadOnlyDictionary<string, string> SessionParents { get; } = sessionParents;

    /// <summary>Users never made candidates: the responder's own.</summary>
    public IReadOnlySet<string> ExcludedUsers { get; } = excludedUsers;

    public CandidateId? CandidateOf(TrailRecord e) => CandidateId.Of(e, SessionParents);

    /// <summary>The window's events grouped by the candidate each caller stands for.</summary>
    public IEnumerable<IGrouping<CandidateId, TrailRecord>> RecentByCandidate() =>
        Recent.Select(e => (Id: CandidateOf(e), Event: e)).Where(x => x.Id is not null)
            .GroupBy(x => x.Id!, x => x.Event);
}
