using System.Diagnostics;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Resilience;
using Shodo.Range;

namespace Shodo.Drill;

/// <summary>
/// Measures, black-box, how long the leaked key keeps working: from the moment the response starts it calls IAM
/// (GetAccountSummary, a read any admin key may make) with the leaked key every <see cref="Interval"/>, over HTTP as
/// the attacker would, and notes each answer. The key counts as refused from the first refused call after which
/// no call succeeded (AccessDenied from the deny, InvalidClientTokenId once Inactive); a throttled or failed call
/// says nothing either way.
/// </summary>
public sealed class LeakedKeyPoller : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly AwsConnection _aws;
    private readonly Task _loop;
    private TimeSpan? _refusedSince;
    private TimeSpan? _lastSuccess;

    private LeakedKeyPoller(AwsConnection aws)
    {
        _aws = aws;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Starts polling with the range's leaked key (null when the scenario has none).</summary>
    public static async Task<LeakedKeyPoller?> StartAsync(RangeHost range, CancellationToken ct)
    {
        if (range.Leaked is not { } leaked) return null;
        var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(leaked.AccessKeyId, leaked.SecretAccessKey),
            EndpointUrl = range.Url, Region = "us-east-1",
            Retry = AwsRetryOptions.Default with { MaxAttempts = 2, AttemptTimeout = TimeSpan.FromSeconds(2) },
        }, ct).ConfigureAwait(false);
        return new LeakedKeyPoller(aws);
    }

    /// <summary>Seconds from the start until the leaked key was refused for good (null: it still worked at the last call).</summary>
    public double? SecondsToRefused => _refusedSince is { } t && (_lastSuccess is null || _lastSuccess < t) ? Math.Round(t.TotalSeconds, 2) : null;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var sent = _clock.Elapsed;
            try
            {
                await _aws.Iam().SendAsync(new GetAccountSummary(), _stop.Token).ConfigureAwait(false);
                _lastSuccess = sent;
                _refusedSince = null;
            }
            catch (AwsServiceError e) when (e.Code is "AccessDenied" or "InvalidClientTokenId" or "SignatureDoesNotMatch")
            {
                _refusedSince ??= sent;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // throttled, failed or no answer: says nothing about the key
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try { await _loop.ConfigureAwait(false); } catch (OperationCanceledException) { }
        _aws.Dispose();
        _stop.Dispose();
    }
}
