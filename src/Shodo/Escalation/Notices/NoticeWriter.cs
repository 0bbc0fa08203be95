using System.Globalization;
using Shodo.Escalation.Settings;
using Shodo.Localization;

namespace Shodo.Escalation.Notices;

/// <summary>
/// Writes a notice in the target's language (resx keys <c>Escalation*</c>): which account, what was
/// seen and when, what Shodo is doing now, what needs a human decision and who makes it, how to
/// acknowledge, the case id, and the case journal's head (its anchor outside the case folder). Short and factual.
/// </summary>
public static class NoticeWriter
{
    public static NoticeText Write(NoticeEvent @event, Milestone? phase, EscalationLevel level, string language,
        EscalationFacts facts, string? decidedBy, string? acknowledgedBy, DateTimeOffset now)
    {
        var culture = TargetLanguage.Culture(language);
        string T(string key, params object?[] args) => Text(culture, key, args);
        var account = facts.AccountId ?? T("EscalationUnknownAccount");
        var seen = facts.Seen ?? (facts.AccessKeyId is { } key ? T("EscalationSeenKey", key) : T("EscalationSeenDefault"));
        var ack = $"shodo ack {facts.CaseId} --by {T("EscalationAckName")}";
        var headline = @event switch
        {
            NoticeEvent.Alert => T("EscalationHeadlineAlert", account),
            NoticeEvent.Repeat => T("EscalationHeadlineRepeat", account),
            NoticeEvent.Acknowledged => T("EscalationHeadlineAcknowledged", acknowledgedBy ?? "?"),
            NoticeEvent.Resolved => T("EscalationHeadlineResolved", account),
            _ => T("EscalationMilestone" + phase?.ToString(), account),
        };
        var facts_ = new List<NoticeFact>
        {
            new(T("EscalationLabelAccount"), account),
            new(T("EscalationLabelSeen"), seen),
        };
        if (facts.SeenAt is { } at) facts_.Add(new(T("EscalationLabelSeenAt"), Time(at, culture)));
        facts_.Add(new(T("EscalationLabelDoing"), T("EscalationDoing" + Phase(phase))));
        foreach (var detail in facts.Details) facts_.Add(new(T("EscalationLabelDetail"), detail));
        facts_.Add(new(T("EscalationLabelDecision"), T("EscalationDecision" + Phase(phase), facts.CaseId)));
        facts_.Add(new(T("EscalationLabelDecider"), decidedBy ?? T("EscalationDeciderDefault")));
        if (acknowledgedBy is null)
            facts_.Add(new(T("EscalationLabelAck"), ack));
        else
            facts_.Add(new(T("EscalationLabelAcknowledgedBy"), acknowledgedBy));
        facts_.Add(new(T("EscalationLabelLevel"), T("EscalationLevelValue", level.Number, level.Name, DurationText.Format(level.Repeat))));
        facts_.Add(new(T("EscalationLabelCase"), facts.CaseId));
        if (facts.Anchor is { } anchor) facts_.Add(new(T("EscalationLabelJournal"), anchor.ToString()));
        var subject = T("EscalationSubject", account, T("EscalationSubject" + @event switch
        {
            NoticeEvent.Milestone => "Milestone" + phase,
            var e => e.ToString(),
        }), facts.CaseId);
        return new NoticeText(subject, headline, facts_, ack);
    }

    private static string Phase(Milestone? phase) => phase?.ToString() ?? "Started";

    private static string Time(DateTimeOffset at, CultureInfo culture) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Text(CultureInfo culture, string key, object?[] args)
    {
        var text = Messages.Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No message '{key}' in Messages.resx");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }
}
