namespace Shodo.Investigation;

/// <summary>The journal entries <c>shodo investigate</c> writes (reports and drills read them).</summary>
public static class InvestigationJournalKinds
{
    /// <summary>{startingPoint: {accessKeyId, userName, since, until, sources}}</summary>
    public const string Started = "investigate.started";
    /// <summary>{identities, resources, findings, counts}</summary>
    public const string Finished = "investigate.finished";
    /// <summary>The producer of the documents the investigation writes (findings, timeline, identities, resources, impact, coverage).</summary>
    public const string Producer = "investigate";
}
