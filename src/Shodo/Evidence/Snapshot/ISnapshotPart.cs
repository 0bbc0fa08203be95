namespace Shodo.Evidence.Snapshot;

/// <summary>
/// Reads one collector's stored answers into its typed part of the <see cref="AccountSnapshot"/>. A
/// collector that records state others reason about implements this beside <see cref="ICollector"/>, so
/// adding a collector with its part of the snapshot is still one class plus one line in
/// <see cref="CollectorCatalog"/>. Answers that do not parse, and facts that cannot be read from one that
/// did, become gaps through <see cref="StoredAnswers"/>; a part never drops them.
/// </summary>
public interface ISnapshotPart
{
    Task ReadAsync(StoredAnswers answers, AccountSnapshot snapshot, CancellationToken ct);
}
