namespace Shodo.Evidence;

/// <summary>The journal entry kinds collection writes (evidence itself is <c>evidence.stored</c>).</summary>
public static class CollectJournalKinds
{
    public const string Started = "collect.started";
    public const string Gap = "collect.gap";
    public const string Finished = "collect.finished";
    /// <summary>The producer of the documents collection writes (coverage.json).</summary>
    public const string Producer = "collect";
}
