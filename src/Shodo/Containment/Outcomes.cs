namespace Shodo.Containment;

/// <summary>The values of <c>containment.outcome</c>'s <c>outcome</c>.</summary>
public static class Outcomes
{
    public const string Done = "done";
    public const string AlreadyDone = "already-done";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
    public const string PendingApproval = "pending-approval";
    public const string NeedsDecision = "needs-decision";

    /// <summary>Outcomes after which the action is never run again: its after-state held.</summary>
    public static bool IsFinal(string outcome) => outcome is Done or AlreadyDone or NeedsDecision or Skipped;
}
