namespace Shodo.Containment;

/// <summary>The journal kinds containment writes (shared contract: reports and drill read them).</summary>
public static class ContainmentJournalKinds
{
    public const string Planned = "containment.planned";
    public const string Approved = "containment.approved";
    public const string Before = "containment.before";
    public const string Changed = "containment.changed";
    public const string Outcome = "containment.outcome";
    public const string Verified = "containment.verified";
    public const string RolledBack = "containment.rolledback";
    /// <summary>The producer of the documents containment writes (plan.json, containment-verification.json).</summary>
    public const string Producer = "containment";
}
