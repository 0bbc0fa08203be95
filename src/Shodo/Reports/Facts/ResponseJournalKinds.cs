namespace Shodo.Reports.Facts;

/// <summary>
/// The journal entry kinds a report reads, as the features that write them publish them (the case's
/// format, docs/case-format.md). Kept here as strings so a report can be made of a case written by any version.
/// </summary>
public static class ResponseJournalKinds
{
    public const string CaseOpened = "case.opened";
    public const string CollectStarted = "collect.started";
    public const string CollectGap = "collect.gap";
    public const string CollectFinished = "collect.finished";
    public const string InvestigateStarted = "investigate.started";
    public const string InvestigateFinished = "investigate.finished";
    public const string EscalationStarted = "escalation.started";
    public const string EscalationSent = "escalation.sent";
    public const string EscalationFailed = "escalation.failed";
    public const string EscalationAcknowledged = "escalation.acknowledged";
    public const string ContainmentPlanned = "containment.planned";
    public const string ContainmentApproved = "containment.approved";
    public const string ContainmentBefore = "containment.before";
    public const string ContainmentChanged = "containment.changed";
    public const string ContainmentOutcome = "containment.outcome";
    public const string ContainmentVerified = "containment.verified";
    public const string ContainmentRolledBack = "containment.rolledback";
    public const string InterlockRefused = "interlock.refused";
    public const string DocumentWritten = "document.written";
    public const string EvidenceStored = "evidence.stored";
}
