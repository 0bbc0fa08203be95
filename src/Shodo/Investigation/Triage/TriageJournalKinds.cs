namespace Shodo.Investigation.Triage;

/// <summary>The journal kinds triage writes.</summary>
public static class TriageJournalKinds
{
    /// <summary>{since, until, baselineSince}</summary>
    public const string Started = "triage.started";
    /// <summary>{candidates: [kind:id], counts: {records, candidates, strong, gaps}, account: {from: targeted reads | snapshot, waited, because}}</summary>
    public const string Finished = "triage.finished";
    /// <summary>{candidates: [kind:id], added: ["sign candidate"]}: the whole snapshot showed signs the targeted reads did not (candidates.json rewritten).</summary>
    public const string Updated = "triage.updated";
    /// <summary>{added: 0}: the whole snapshot, once recorded, showed no sign the targeted reads had not.</summary>
    public const string Reconciled = "triage.reconciled";
    /// <summary>The producer of the documents triage writes (candidates.json).</summary>
    public const string Producer = "triage";
}
