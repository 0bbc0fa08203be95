using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Loop;

/// <summary>What the escalation loop just did: a level first notified or reminded, a notice sent or failed on a channel, an acknowledgement.</summary>
public enum EscalationEventKind { LevelNotified, LevelReminded, Sent, Failed, Acknowledged }

/// <summary>
/// One event of the escalation loop, for a live display (<see cref="EscalationLoop.Changed"/>).
/// <see cref="Level"/> is null for <see cref="EscalationEventKind.Acknowledged"/>; <see cref="Target"/>
/// and <see cref="Channel"/> are set for sent and failed; <see cref="NextReminder"/> for level events.
/// </summary>
public sealed record EscalationEvent(EscalationEventKind Kind, EscalationLevel? Level, DateTimeOffset At)
{
    public string? Target { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset? NextReminder { get; init; }
    /// <summary>The next retry of a failed send, if any.</summary>
    public DateTimeOffset? RetryAt { get; init; }
    /// <summary>Who acknowledged.</summary>
    public string? By { get; init; }
}
