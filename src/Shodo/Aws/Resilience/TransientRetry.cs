using Shodo.Aws.Errors;

namespace Shodo.Aws.Resilience;

/// <summary>
/// A second, coarser retry above the AWS layer's own: when a whole step still fails with throttling,
/// a server error or no answer, wait and run the step again. For what one failure would cost most: each
/// containment step (safe because it reads the target before it changes anything) and containment's
/// reads, and the region list a whole collection depends on.
/// </summary>
public static class TransientRetry
{
    public static bool IsTransient(AwsServiceError e) => e.IsRetryable;

    /// <summary>
    /// <see cref="RunAsync{T}"/>, and when AWS still refuses (transiently after every round, or for good),
    /// the error instead of the value: a read whose failure must not stop what does not depend on it.
    /// </summary>
    public static async Task<(T? Value, AwsServiceError? Error)> TryAsync<T>(Func<Task<T>> step, TimeProvider time, CancellationToken ct)
    {
        try
        {
            return (await RunAsync(step, time, ct).ConfigureAwait(false), null);
        }
        catch (AwsServiceError e)
        {
            return (default, e);
        }
    }

    /// <summary>Rounds for a change: containing matters most, so it keeps trying longest (pauses capped at <see cref="MaxPause"/>).</summary>
    public const int ChangeAttempts = 8;

    /// <summary>The longest pause between two rounds.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(8);

    public static async Task<T> RunAsync<T>(Func<Task<T>> step, TimeProvider time, CancellationToken ct, int attempts = 5)
    {
        var pause = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (AwsServiceError e) when (IsTransient(e) && attempt < attempts)
            {
                await Task.Delay(pause, time, ct).ConfigureAwait(false);
                pause = pause * 2 > MaxPause ? MaxPause : pause * 2;
            }
        }
    }
}
