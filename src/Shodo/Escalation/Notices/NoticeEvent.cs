namespace Shodo.Escalation.Notices;

/// <summary>Why a notice is sent.</summary>
public enum NoticeEvent
{
    /// <summary>A level is notified for the first time.</summary>
    Alert,
    /// <summary>A reminder: nobody has acknowledged yet.</summary>
    Repeat,
    /// <summary>A milestone update (evidence captured, plan ready, contained, not contained).</summary>
    Milestone,
    /// <summary>Someone acknowledged: reminders stop.</summary>
    Acknowledged,
    /// <summary>Contained and acknowledged: paging services close the incident (PagerDuty resolve).</summary>
    Resolved,
}

public static class NoticeEventNames
{
    public static string Name(this NoticeEvent e) => e switch
    {
        NoticeEvent.Alert => "alert",
        NoticeEvent.Repeat => "repeat",
        NoticeEvent.Milestone => "milestone",
        NoticeEvent.Acknowledged => "acknowledged",
        NoticeEvent.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
