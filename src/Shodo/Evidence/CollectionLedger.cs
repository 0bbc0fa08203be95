using System.Collections.Concurrent;
using Shodo.Cases;

namespace Shodo.Evidence;

/// <summary>
/// What one collection has gathered so far, shared by every lane: the case it stores into, the bound
/// on calls in flight, the blobs stored and the gaps recorded (each gap journaled at once).
/// </summary>
internal sealed class CollectionLedger(Case @case, int maxConcurrentCalls, TimeProvider time)
{
    private readonly ConcurrentQueue<CoverageGap> _gaps = new();
    private int _blobs;

    public Case Case { get; } = @case;
    public SemaphoreSlim Calls { get; } = new(Math.Max(1, maxConcurrentCalls));
    public TimeProvider Time { get; } = time;
    public int Blobs => Volatile.Read(ref _blobs);
    public IReadOnlyList<CoverageGap> Gaps => _gaps.ToArray();

    public async Task StoreAsync(ReadOnlyMemory<byte> content, EvidenceDescriptor descriptor, CancellationToken ct)
    {
        await Case.Evidence.StoreAsync(content, descriptor, ct).ConfigureAwait(false);
        Interlocked.Increment(ref _blobs);
    }

    public async Task RecordAsync(CoverageGap gap, CancellationToken ct)
    {
        _gaps.Enqueue(gap);
        await Case.Journal.AppendAsync(CollectJournalKinds.Gap, gap.ToJson(), null, ct).ConfigureAwait(false);
    }
}
