using Shodo.Range.Scenarios;
using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Adversary;

/// <summary>
/// The attacker, still at work while the range runs: every interval (or at each <see cref="TickAsync"/>)
/// it acts with every credential it holds — the leaked key, backdoor keys, session tokens it minted —
/// through the range's own pipeline (re-sharing the snapshots it shared out, too), so containment (Inactive keys, deny policies) makes its calls
/// fail. Its moves are in <see cref="AdversaryMoves"/>. It stops with the host and never throws out
/// of its loop.
/// </summary>
public sealed class LiveAdversary : IAsyncDisposable
{
    /// <summary>The adversary stops collecting credentials beyond this many.</summary>
    public const int MaxCredentials = 16;

    private readonly AdversaryMoves _moves;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly List<HeldCredential> _held;
    private Task? _loop;

    public LiveAdversary(RangeState state, Dispatcher dispatcher, LoadedScenario scenario, TimeProvider time,
        TimeSpan interval, int? seed = null)
    {
        _time = time;
        _interval = interval;
        _held = scenario.Attackers.Select(a => new HeldCredential(a.Credentials, a.SourceIp, a.UserAgent))
            .DistinctBy(h => h.Credentials.AccessKeyId).ToList();
        if (_held.Count == 0) throw new ScenarioException($"Scenario {scenario.Name} has no attacker for a live adversary");
        var backdoor = scenario.GroundTruth?.Users.FirstOrDefault() ?? "aws-support-svc";
        _moves = new AdversaryMoves(state, dispatcher, Status, backdoor, new Random(seed ?? 7), scenario.GroundTruth?.SharedSnapshots ?? [],
            scenario.GroundTruth?.Accounts.Select(a => a.ReachedBy).ToList() ?? [],
            scenario.GroundTruth?.SharedEbsSnapshots, scenario.GroundTruth?.OpenedBuckets, scenario.GroundTruth?.SharedImages);
    }

    public AdversaryStatus Status { get; } = new();

    /// <summary>The access key ids the adversary holds now (never the secrets).</summary>
    public IReadOnlyList<string> AccessKeyIds
    {
        get { lock (_held) return _held.Select(h => h.Credentials.AccessKeyId).ToList(); }
    }

    /// <summary>Starts acting every interval (unless the interval is infinite: then only on <see cref="TickAsync"/>).</summary>
    public void Start()
    {
        if (_interval == Timeout.InfiniteTimeSpan || _interval <= TimeSpan.Zero) return;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>One round: one move with each credential held. Returns how many calls succeeded.</summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        await _turn.WaitAsync(ct);
        try
        {
            Status.Tick();
            List<HeldCredential> held;
            lock (_held) held = _held.ToList();
            var succeeded = 0;
            foreach (var credential in held)
            {
                var (calls, gained) = await _moves.ActAsync(credential, Status.Ticks, ct);
                succeeded += calls;
                lock (_held)
                    foreach (var g in gained.Where(g => _held.Count < MaxCredentials))
                        _held.Add(g);
            }
            return succeeded;
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await TickAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Status.LoopError(e);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
