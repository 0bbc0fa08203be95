using Shodo.Aws.Errors;

namespace Shodo.Containment.Actions;

/// <summary>
/// EC2 is eventually consistent: a security group created moments ago can still be InvalidGroup.NotFound when it is
/// attached. Such a call is tried again, with growing pauses, within a bound; any other error, or the last one, is thrown.
/// </summary>
public static class NewGroupRetry
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(Func<Task> call, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + Bound;
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await call().ConfigureAwait(false);
                return;
            }
            catch (AwsServiceError e) when (e.Code == "InvalidGroup.NotFound" && time.GetUtcNow() + pause < deadline)
            {
                await Task.Delay(pause, time, ct).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(4).Ticks, pause.Ticks * 2));
            }
        }
    }
}
