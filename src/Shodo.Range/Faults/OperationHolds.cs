using System.Collections.Concurrent;

namespace Shodo.Range.Faults;

/// <summary>
/// Calls of an operation held back until released, as a slow AWS answer would be, but with the moment of the answer chosen
/// by the test: a part of a response that must not wait for another (triage for the snapshot) is then proved not to, where
/// timing alone would only make it likely. Nothing is held unless a test holds it.
/// </summary>
public sealed class OperationHolds
{
    private readonly ConcurrentDictionary<(string Service, string Operation), TaskCompletionSource> _held = new();

    /// <summary>Holds every call of <paramref name="operation"/> of <paramref name="service"/> (e.g. "iam", "GetAccountAuthorizationDetails") until released.</summary>
    public void Hold(string service, string operation) =>
        _held.TryAdd((service, operation), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets the held calls, and every later one, through.</summary>
    public void Release(string service, string operation)
    {
        if (_held.TryRemove((service, operation), out var held)) held.TrySetResult();
    }

    /// <summary>Completes at once unless the operation is held.</summary>
    public Task WaitAsync(string service, string operation, CancellationToken ct) =>
        _held.TryGetValue((service, operation), out var held) ? held.Task.WaitAsync(ct) : Task.CompletedTask;
}
