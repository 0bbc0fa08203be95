namespace Shodo.Range.State;

/// <summary>
/// The range's simulated time: real time plus an offset that the admin endpoint can move forward
/// or set, so that scenarios can be backdated and state transitions (pending → running) can be
/// driven by tests without sleeping.
/// </summary>
public sealed class RangeClock(TimeProvider time)
{
    private TimeSpan _offset;

    public DateTimeOffset Now => time.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public void Set(DateTimeOffset now) => _offset = now - time.GetUtcNow();
}
