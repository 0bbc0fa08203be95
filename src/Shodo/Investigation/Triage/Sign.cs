namespace Shodo.Investigation.Triage;

/// <summary>
/// One sign of compromise from the playbook, pointing at a candidate: what was seen, when it was first
/// seen, and the events or recorded state that show it. Every string in it may come from the attacker.
/// </summary>
public sealed record Sign(string Kind, CandidateId Candidate, string Summary, DateTimeOffset? FirstSeen,
    IReadOnlyList<string> EventIds, IReadOnlyList<string> Regions)
{
    /// <summary>A sign whose summary is kept in each report language (en, ja); <see cref="Summary"/> is the English.</summary>
    public Sign(string kind, CandidateId candidate, IReadOnlyDictionary<string, string> summaries, DateTimeOffset? firstSeen,
        IReadOnlyList<string> eventIds, IReadOnlyList<string> regions)
        : this(kind, candidate, Localization.LocalText.English(summaries), firstSeen, eventIds, regions) => Summaries = summaries;

    /// <summary><see cref="Summary"/> in each report language, when the detector wrote them.</summary>
    public IReadOnlyDictionary<string, string>? Summaries { get; init; }

    /// <summary>The key or user this sign's candidate created (for <see cref="SignKinds.CreatedCredentials"/>): links a candidate to its origin.</summary>
    public IReadOnlyList<CandidateId> Created { get; init; } = [];
}

/// <summary>The kinds of sign triage looks for: the first-hours playbook's signs of a leaked key in use.</summary>
public static class SignKinds
{
    /// <summary>Calls from an address the identity did not use in the baseline.</summary>
    public const string NewAddress = "new-address";
    /// <summary>Calls with a kind of client (user agent family) the identity did not use in the baseline.</summary>
    public const string NewUserAgent = "new-user-agent";
    /// <summary>Instances launched in a region the account did not use before.</summary>
    public const string InstancesInUnusedRegion = "instances-in-unused-region";
    /// <summary>An IAM user created inside the window.</summary>
    public const string NewUser = "new-user";
    /// <summary>An access key created inside the window.</summary>
    public const string NewAccessKey = "new-access-key";
    /// <summary>The identity created users, access keys, passwords or session keys inside the window.</summary>
    public const string CreatedCredentials = "created-credentials";
}
