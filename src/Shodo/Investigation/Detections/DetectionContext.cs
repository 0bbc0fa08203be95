using Shodo.Investigation.Identities;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Detections;

/// <summary>What a detection looks at: the attacker's events, every record read, the collected state and the chain.</summary>
public sealed record DetectionContext(IReadOnlyList<TrailRecord> AttackerEvents, IReadOnlyList<TrailRecord> AllRecords,
    AccountSnapshot State, ChainResult Chain)
{
    public string? IdentityOf(TrailRecord e) => EventIdentity.Of(e, Chain);
}
