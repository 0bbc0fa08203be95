using System.Collections.Concurrent;
using Shodo.Cases;

namespace Shodo.Evidence;

/// <summary>
/// What one collection has gathered so far, shared by every lane: the case it stores into, the bounds
/// on calls in flight (per service and region, and over all), the blobs stored and the gaps recorded (each gap journaled at once).
/// </summary>
internal sealed class CollectionLedger(Case @case, int maxConcurrentCalls, TimeProvider time, int maxConcurrentCallsPerService = 16)
{
    private readonly ConcurrentQueue<CoverageGap> _gaps = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perService = new(StringComparer.Ordinal);
    private int _blobs;

    public Case Case { get; } = @case;
    public SemaphoreSlim Calls { get; } = new(Math.Max(1, maxConcurrentCalls));

    /// <summary>The bound on calls in flight to <paramref name="service"/> in <paramref name="region"/> (AWS's rates are per service and region).</summary>
    public SemaphoreSlim CallsTo(string service, string region) =>
        _perService.GetOrAdd($"{service} {region}", _ => new SemaphoreSlim(Math.Max(1, maxConcurrentCallsPerService)));
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
