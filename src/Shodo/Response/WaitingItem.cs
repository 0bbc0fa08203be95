namespace Shodo.Response;

/// <summary>What the response waits for: someone to acknowledge the escalation, an approver, a human decision.</summary>
public enum WaitingKind { Acknowledgement, Approval, Decision }

/// <summary>
/// One thing the response waits for, and for whom: <see cref="Whom"/> (a level and its people, the
/// approvers, the responder), <see cref="What"/> (what they are asked), since when, and when the next
/// reminder goes out (escalation only). Texts may hold names from AWS or the configuration: a display
/// escapes them.
/// </summary>
public sealed record WaitingItem(string Id, string Step, WaitingKind Kind, string Whom, string What, DateTimeOffset Since)
{
    public DateTimeOffset? NextReminder { get; init; }
}
