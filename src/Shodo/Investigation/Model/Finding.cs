namespace Shodo.Investigation.Model;

/// <summary>
/// A detection: a rule that matched the attacker's (or the account's) events, with the events that
/// support it and a sentence a non-specialist understands.
/// </summary>
public sealed record Finding
{
    /// <summary>Stable id inside the case: the rule id plus a short hash of the supporting events.</summary>
    public required string Id { get; init; }
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>MITRE ATT&amp;CK technique ids, e.g. T1078.004.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];
    /// <summary>reconnaissance, persistence, privilege-escalation, defense-evasion, impact, collection, exfiltration, ...</summary>
    public string? Tactic { get; init; }
    public required string Summary { get; init; }
    /// <summary><see cref="Summary"/> in each report language (en, ja).</summary>
    public IReadOnlyDictionary<string, string>? Summaries { get; init; }
    public IReadOnlyList<string> EventIds { get; init; } = [];
    public IReadOnlyList<string> Identities { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    /// <summary>The rule's metadata as its author wrote it (kept for the Detection Rule License).</summary>
    public RuleReference? Rule { get; init; }
}

public enum Severity { Informational, Low, Medium, High, Critical }

public sealed record RuleReference(string Id, string Title, string? Author, string? Status, IReadOnlyList<string> References,
    IReadOnlyList<string> Tags, string? Path);
