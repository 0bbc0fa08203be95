using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Loop;

/// <summary>What the escalation loop just did: a level first notified or reminded, a notice sent or failed on a channel, an acknowledgement.</summary>
public enum EscalationEventKind { LevelNotified, LevelReminded, Sent, Failed, Acknowledged }

/// <summary>
/// One event of the escalation loop, for a live display (<see cref="EscalationLoop.Changed"/>).
/// <see cref="Level"/> is null for <see cref="EscalationEventKind.Acknowledged"/>; <see cref="Target"/>
/// and <see cref="Channel"/> are set for sent and failed (with <see cref="Host"/>, <see cref="Lane"/>,
/// <see cref="Notice"/>, <see cref="Attempt"/>, and for failed <see cref="Error"/>); <see cref="NextReminder"/> for level events.
/// Every text is scrubbed of the configuration's secrets.
/// </summary>
public sealed record EscalationEvent(EscalationEventKind Kind, EscalationLevel? Level, DateTimeOffset At)
{
    public string? Target { get; init; }
    public string? Channel { get; init; }
    /// <summary>The channel's endpoint host (never its path or query).</summary>
    public string? Host { get; init; }
    /// <summary>Which of the level's channels (its targets' channels in order, from 0): tells the channels of one level apart.</summary>
    public int Lane { get; init; }
    /// <summary>What the notice sent or failed was (alert, reminder, milestone, ...).</summary>
    public NoticeEvent? Notice { get; init; }
    /// <summary>The attempt at this notice on this channel, from 1.</summary>
    public int Attempt { get; init; }
    /// <summary>Why a send failed, as journaled (<c>connection refused</c>, <c>HTTP 403</c>, <c>timeout after 15s</c>).</summary>
    public string? Error { get; init; }
    public DateTimeOffset? NextReminder { get; init; }
    /// <summary>The next retry of a failed send, if any.</summary>
    public DateTimeOffset? RetryAt { get; init; }
    /// <summary>Who acknowledged.</summary>
    public string? By { get; init; }
}
