using Shodo.Aws.Errors;

namespace Shodo.Containment.Apply;

/// <summary>
/// A second, coarser retry above the AWS layer's own: when a whole step still fails with throttling,
/// a server error or no answer, wait and run the step again. Safe because every containment step reads
/// the target before it changes anything.
/// </summary>
public static class TransientRetry
{
    public static bool IsTransient(AwsServiceError e) => e.IsRetryable;

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
                pause *= 2;
            }
        }
    }
}
