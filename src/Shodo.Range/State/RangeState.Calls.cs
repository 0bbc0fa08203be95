namespace Shodo.Range.State;

public sealed partial class RangeState
{
    /// <summary>Appends a served call (under <see cref="Sync"/>) and tells listeners (CloudTrail, counters).</summary>
    public void Record(CallRecord call)
    {
        lock (Sync)
        {
            Calls.Add(call);
            CallRecorded?.Invoke(call);
        }
    }

    /// <summary>Raised under <see cref="Sync"/> after each call is recorded.</summary>
    public event Action<CallRecord>? CallRecorded;
}
