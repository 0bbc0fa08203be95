using Shodo.Cases;
using Shodo.Containment;
using Shodo.Escalation;
using Shodo.Evidence;
using Shodo.Investigation;
using Shodo.Investigation.Model;
using Shodo.Investigation.Timeline;

namespace Shodo.Reports.Facts;

/// <summary>
/// Puts the attacker's events (timeline.jsonl) and the response (escalation, evidence, investigation,
/// containment from the journal) on one axis, in time order.
/// </summary>
public static class UnifiedTimeline
{
    public static IReadOnlyList<TimelineEntry> Build(CaseFacts facts, ReportText text)
    {
        var entries = new List<TimelineEntry>();
        foreach (var e in facts.Timeline)
        {
            var actor = ActorOf(e, facts.Identities);
            var description = text.Get("EventDescription", e.EventName, e.Service, e.Region ?? "-", e.SourceIp ?? "-");
            if (e.ErrorCode is not null) description += " — " + text.Get("EventFailed", e.ErrorCode);
            entries.Add(new TimelineEntry(e.Time, false, actor, e.Region, e.EventName, description, e.ErrorCode is not null) { Event = e });
        }
        var responder = text["Responder"];
        foreach (var j in facts.Journal)
        {
            if (Describe(j, text) is not { } d) continue;
            entries.Add(new TimelineEntry(j.Time, true, responder, null, j.Kind, d.Text, d.Failed) { JournalKind = j.Kind, JournalSeq = j.Seq });
        }
        return entries.OrderBy(e => e.Time).ThenBy(e => e.Response).ToList();
    }

    /// <summary>The attacker identity behind an event (by access key, then user name), else the event's user or principal.</summary>
    public static string ActorOf(TimelineEvent e, IReadOnlyList<AttackerIdentity> identities)
    {
        var byKey = e.AccessKeyId is null ? null : identities.FirstOrDefault(i => i.AccessKeyId == e.AccessKeyId || i.Name == e.AccessKeyId);
        if (byKey is not null) return byKey.Kind is IdentityKind.AccessKey or IdentityKind.SessionKey && byKey.Owner is not null
            ? $"{byKey.Owner} ({byKey.Name})" : byKey.Name;
        return e.UserName ?? e.PrincipalArn ?? e.AccessKeyId ?? "?";
    }

    private static (string Text, bool Failed)? Describe(JournalEntry j, ReportText text)
    {
        string? T(string name) => JsonFields.Text(j.Data, name);
        return j.Kind switch
        {
            JournalKinds.CaseOpened => (text["StepCaseOpened"], false),
            EscalationJournalKinds.Sent => (text.Get("StepEscalationSent", T("target"), T("channel"), T("level")), false),
            EscalationJournalKinds.Failed => (text.Get("StepEscalationFailed", T("target"), T("channel"), T("error")), true),
            EscalationJournalKinds.Acknowledged => (text.Get("StepAcknowledged", T("by"), T("via")), false),
            CollectJournalKinds.Started => (text["StepCollectStarted"], false),
            CollectJournalKinds.Finished => (text.Get("StepCollectFinished", T("blobs") ?? T("evidenceStored") ?? "-"), false),
            InvestigationJournalKinds.Finished => (text.Get("StepInvestigated",
                Count(j, "identities"), Count(j, "resources"), Count(j, "findings")), false),
            ContainmentJournalKinds.Planned => (text.Get("StepPlanned", Count(j, "actions")), false),
            ContainmentJournalKinds.Approved => (text.Get("StepApproved", T("by")), false),
            ContainmentJournalKinds.Changed => (text.Get("StepChanged", T("operation"), T("actionId")), false),
            ContainmentJournalKinds.Outcome when T("outcome") is not ("done" or "already-done") =>
                (text.Get("StepOutcome", T("actionId"), text.Word("Outcome", T("outcome") ?? "?")), T("outcome") == "failed"),
            ContainmentJournalKinds.Verified => (JsonFields.Boolean(j.Data, "contained") == true
                ? text["StepContained"] : text.Get("StepNotContained", JsonFields.Texts(j.Data, "remaining").Count), false),
            ContainmentJournalKinds.RolledBack => (text.Get("StepRolledBack", T("actionId")), false),
            JournalKinds.InterlockRefused => (text.Get("StepRefused", T("operation") ?? T("action")), false),
            _ => null,
        };
    }

    private static string Count(JournalEntry j, string name) => j.Data[name] switch
    {
        System.Text.Json.Nodes.JsonArray a => a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        System.Text.Json.Nodes.JsonObject o => o.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        { } v => v.ToJsonString(),
        null => JsonFields.Text(j.Data["counts"], name) ?? "-",
    };
}
