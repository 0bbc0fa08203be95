namespace Shodo.Containment.Apply;

/// <summary>What happened to one planned action in this run (or before it, when the journal says it was already final).</summary>
public sealed record ActionResult(string ActionId, string Action, ContainmentTarget Target, string Outcome, string? Reason);

/// <summary>The outcome of an apply: each action's result and the verification pass.</summary>
public sealed record ApplyResult(IReadOnlyList<ActionResult> Actions, Verify.VerificationResult? Verification)
{
    /// <summary>Nothing remains uncontained: every action final, verification clean.</summary>
    public bool Contained => Actions.All(a => Outcomes.IsFinal(a.Outcome)) && Verification is { Contained: true };
}
