namespace Shodo.Cases;

/// <summary>What <see cref="CaseVerifier.Verify"/> can check the journal against, beyond the case folder itself.</summary>
public sealed record CaseVerifyOptions
{
    /// <summary>Journal heads copied from outside the case (an escalation notice, the report, a ticket).</summary>
    public IReadOnlyList<JournalAnchor> Anchors { get; init; } = [];

    /// <summary>The journal key the case's writers used, when the organisation configured one.</summary>
    public JournalKey? Key { get; init; }

    /// <summary>How many times to read again when the case changed under a reading (another process is writing it).</summary>
    public int Attempts { get; init; } = 5;
}
