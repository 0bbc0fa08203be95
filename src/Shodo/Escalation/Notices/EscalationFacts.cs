namespace Shodo.Escalation.Notices;

/// <summary>
/// What the messages say about the incident. The respond command fills it as it learns more; every
/// field but <see cref="CaseId"/> is optional. Strings may come from AWS (attacker-controlled): each
/// channel escapes them for its medium.
/// </summary>
public sealed record EscalationFacts
{
    public required string CaseId { get; init; }
    public string? AccountId { get; init; }
    /// <summary>The leaked access key id (never a secret key).</summary>
    public string? AccessKeyId { get; init; }
    /// <summary>What was seen, in a few words; when null the message says "a leaked AWS credential".</summary>
    public string? Seen { get; init; }
    public DateTimeOffset? SeenAt { get; init; }
    /// <summary>Specifics of the latest milestone: "12 actions done", "i-0abc (us-east-1) still running".</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
    /// <summary>
    /// The case journal's head when the notice was written (<c>SEQ:HASH</c>): a copy of it outside the
    /// case folder lets <c>shodo case verify --anchor</c> prove the record up to that entry.
    /// </summary>
    public Cases.JournalAnchor? Anchor { get; init; }
}
