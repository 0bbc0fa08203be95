namespace Shodo.Containment.Apply;

/// <summary>What happened to one planned action in this run (or before it, when the journal says it was already final).</summary>
public sealed record ActionResult(string ActionId, string Action, ContainmentTarget Target, string Outcome, string? Reason)
{
    /// <summary>Failed only because AWS throttled, failed on its side or did not answer after every retry: a later run can finish it.</summary>
    public bool Retryable { get; init; }
}

/// <summary>The outcome of an apply: each action's result, the verification pass, and what the plan could not read.</summary>
public sealed record ApplyResult(IReadOnlyList<ActionResult> Actions, Record.VerificationResult? Verification)
{
    /// <summary>Targets and parts the plan could not read (<see cref="Plan.ContainmentPlan.Unread"/>): not contained, not seen.</summary>
    public IReadOnlyList<UnreadItem> Unread { get; init; } = [];

    /// <summary>Nothing remains uncontained: every action final, verification clean, nothing left unread.</summary>
    public bool Contained => Actions.All(a => Outcomes.IsFinal(a.Outcome)) && Verification is { Contained: true } && Unread.Count == 0;

    /// <summary>What is left only because AWS throttled, failed or did not answer: a later run (<c>respond --resume</c>) can finish it.</summary>
    public bool Resumable => Actions.Any(a => a.Outcome == Outcomes.Failed && a.Retryable) || Unread.Any(u => u.Retryable)
                             || Verification?.Unread.Any(u => u.Retryable) == true;
}
