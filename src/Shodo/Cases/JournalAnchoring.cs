namespace Shodo.Cases;

/// <summary>What ties a journal to something outside its case folder, and up to which entry.</summary>
public enum AnchorSource
{
    /// <summary>A head given to verify (<c>--anchor SEQ:HASH</c>) from a notice, the report or a ticket.</summary>
    Given,
    /// <summary>The journal key's MAC on the entry (<see cref="JournalKey"/>).</summary>
    JournalKey,
}

/// <summary>A head Shodo sent outside the case (an escalation notice), as the journal recorded it.</summary>
public sealed record AnchorSent(long Seq, string Channel, string Target, DateTimeOffset At);

/// <summary>
/// How far the journal is anchored outside the case folder. <see cref="Through"/> null: not anchored —
/// consistent, but a chain rewritten with recomputed hashes would look the same.
/// </summary>
public sealed record JournalAnchoring(JournalAnchor? Through, IReadOnlyList<AnchorSource> By, IReadOnlyList<AnchorSent> Sent)
{
    public static JournalAnchoring None { get; } = new(null, [], []);

    public bool Anchored => Through is not null;

    /// <summary>Entries carry MACs, but no key was given to check them.</summary>
    public bool MacsUnchecked { get; init; }
}
