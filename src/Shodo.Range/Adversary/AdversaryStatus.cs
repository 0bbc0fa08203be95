namespace Shodo.Range.Adversary;

/// <summary>
/// What the live adversary achieved: its successful and failed calls and when it last succeeded.
/// Once containment works, <see cref="SuccessfulCalls"/> stops growing and <see cref="LastSuccessAt"/>
/// stays put. Thread-safe; served at <c>GET /_range/adversary</c>.
/// </summary>
public sealed class AdversaryStatus
{
    private readonly object _sync = new();
    private long _successful, _failed, _ticks;
    private DateTimeOffset? _lastSuccess, _lastCall;
    private string? _lastLoopError;
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly List<AdversaryCreation> _created = [];
    private readonly Dictionary<string, long> _successes = new(StringComparer.Ordinal);

    public long SuccessfulCalls { get { lock (_sync) return _successful; } }
    public long FailedCalls { get { lock (_sync) return _failed; } }
    public long Ticks { get { lock (_sync) return _ticks; } }
    /// <summary>Simulated time of the adversary's last successful call, or null if it never succeeded.</summary>
    public DateTimeOffset? LastSuccessAt { get { lock (_sync) return _lastSuccess; } }
    public DateTimeOffset? LastCallAt { get { lock (_sync) return _lastCall; } }
    /// <summary>An unexpected exception the loop caught and survived (never thrown out of the loop).</summary>
    public string? LastLoopError { get { lock (_sync) return _lastLoopError; } }

    /// <summary>How often each AWS error code answered the adversary.</summary>
    public IReadOnlyDictionary<string, long> Errors { get { lock (_sync) return new Dictionary<string, long>(_errors); } }

    /// <summary>How often each operation succeeded for the adversary (<c>ec2:RunInstances</c>, ...).</summary>
    public IReadOnlyDictionary<string, long> Successes { get { lock (_sync) return new Dictionary<string, long>(_successes); } }

    internal void Call(DateTimeOffset at, string? errorCode, string operation = "")
    {
        lock (_sync)
        {
            _lastCall = at;
            if (errorCode is null)
            {
                _successes[operation] = _successes.GetValueOrDefault(operation) + 1;
                _successful++;
                _lastSuccess = at;
            }
            else
            {
                _failed++;
                _errors[errorCode] = _errors.GetValueOrDefault(errorCode) + 1;
            }
        }
    }

    /// <summary>What the adversary created while running (users, keys, session keys, instances), in order.</summary>
    public IReadOnlyList<AdversaryCreation> Created { get { lock (_sync) return _created.ToList(); } }

    internal void Create(AdversaryCreation creation) { lock (_sync) _created.Add(creation); }

    internal void Tick() { lock (_sync) _ticks++; }

    internal void LoopError(Exception e) { lock (_sync) _lastLoopError = $"{e.GetType().Name}: {e.Message}"; }
}
