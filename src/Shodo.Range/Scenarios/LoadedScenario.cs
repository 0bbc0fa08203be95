namespace Shodo.Range.Scenarios;

/// <summary>
/// A scenario after it was seeded and played: its named credentials (seeded keys with a name, and
/// keys or sessions created by saved steps), the leaked one, the attacker's actors (for the live
/// adversary) and the resolved ground truth.
/// </summary>
public sealed class LoadedScenario
{
    public required string Name { get; init; }
    public required IReadOnlyDictionary<string, RangeCredentials> Credentials { get; init; }
    /// <summary>The key that leaked (profile <c>leaked</c>), or null for a scenario without a leak.</summary>
    public RangeCredentials? Leaked { get; init; }
    /// <summary>The attacker's actors: where it calls from and which credentials it holds.</summary>
    public required IReadOnlyList<AttackerActor> Attackers { get; init; }
    public GroundTruth? GroundTruth { get; init; }
    /// <summary>How many calls the timeline played through the dispatcher, and how many records were generated directly.</summary>
    public int PlayedCalls { get; init; }
    public int GeneratedRecords { get; init; }
    /// <summary>The sight faults the scenario starts with (a blind scenario's), unless the range's options name their own.</summary>
    public IReadOnlyList<Faults.SightFault> Sight { get; init; } = [];
    /// <summary>The break-glass role a responder must assume in this scenario (with MFA, an external id), or null: the user <c>responder</c> acts itself.</summary>
    public ResponderRole? ResponderRole { get; init; }
}

/// <summary>One attacker identity as the scenario played it.</summary>
public sealed record AttackerActor(string Name, RangeCredentials Credentials, string SourceIp, string UserAgent);
