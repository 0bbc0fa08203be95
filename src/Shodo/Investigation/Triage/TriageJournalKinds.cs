namespace Shodo.Investigation.Triage;

/// <summary>The journal kinds triage writes.</summary>
public static class TriageJournalKinds
{
    /// <summary>{since, until, baselineSince}</summary>
    public const string Started = "triage.started";
    /// <summary>{candidates: [kind:id], counts: {records, candidates, strong, gaps}}</summary>
    public const string Finished = "triage.finished";
    /// <summary>The producer of the documents triage writes (candidates.json).</summary>
    public const string Producer = "triage";
}
