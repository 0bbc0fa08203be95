namespace Shodo.Escalation;

/// <summary>
/// The journal entry kinds escalation writes (reports and <c>shodo drill</c> read them). The data of
/// each never holds an endpoint URL, a token or a password: only the channel kind, the target's name
/// and the endpoint's host.
/// </summary>
public static class EscalationJournalKinds
{
    /// <summary>{levels: [{level, name, after, repeat, targets}]}</summary>
    public const string Started = "escalation.started";
    /// <summary>{level, target, channel, host, message, attempt}</summary>
    public const string Sent = "escalation.sent";
    /// <summary>{level, target, channel, host, message, error, attempt, retryAt (null when given up)}</summary>
    public const string Failed = "escalation.failed";
    /// <summary>{by, via: cli|inbox|api|rehearsal, requestedAt?, request?}</summary>
    public const string Acknowledged = "escalation.acknowledged";
    /// <summary>{milestone, ...facts} — a milestone update was sent to everyone notified so far.</summary>
    public const string Milestone = "escalation.milestone";
    /// <summary>{reason: acknowledged|cancelled} — the repeat loop ended.</summary>
    public const string Stopped = "escalation.stopped";
    /// <summary>Nobody acknowledged by the end of respond: the escalation goes on in a detached <c>shodo escalate</c>.</summary>
    public const string HandedOff = "escalation.handed-off";
    /// <summary>{request, requestSha256} — a file in the inbox that is not a valid acknowledgement request.</summary>
    public const string AckRejected = "escalation.ack-rejected";
    /// <summary>{by, request, requestSha256} — an acknowledgement request after the case was already acknowledged.</summary>
    public const string AckRepeated = "escalation.ack-repeated";
}
