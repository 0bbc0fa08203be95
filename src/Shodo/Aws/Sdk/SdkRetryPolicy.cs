using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Shodo.Aws.Resilience;

namespace Shodo.Aws.Sdk;

/// <summary>
/// The SDK clients' retries, decided by the same rule as the hand-written clients'
/// (<see cref="Errors.AwsServiceError.IsRetryable"/>: botocore's retry codes and statuses, or no answer)
/// with the same numbers (<see cref="AwsRetryOptions"/>: attempts, exponential backoff with jitter, on
/// the injected clock). It replaces the SDK's standard policy because of that policy's retry quota: one
/// bucket per endpoint (500 tokens, 5 a retry, 10 a timeout) that sustained throttling or server errors
/// empty, after which every call fails on its first error without a single retry — the way an
/// <c>ec2:DescribeInstanceAttribute</c> once gave up on one <c>Unavailable</c>. A responder's bounded
/// calls must each get their attempts; the total timeout still caps every call.
/// </summary>
internal sealed class SdkRetryPolicy(string service, AwsRetryOptions retry, TimeProvider time)
    : StandardRetryPolicy(Math.Max(0, retry.MaxAttempts - 1))
{
    public override bool OnRetry(IExecutionContext executionContext) => true;
    public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity) => true;
    public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity, bool isThrottlingError) => true;

    public override void NotifySuccess(IExecutionContext executionContext)
    {
        // No quota to refill.
    }

    public override bool RetryForException(IExecutionContext executionContext, Exception exception)
    {
        var request = executionContext.RequestContext;
        if (request.CancellationToken.IsCancellationRequested) return false;
        var operation = InterlockPipelineHandler.Operation(service, request.RequestName);
        return SdkErrorTranslation.Translate(exception, operation.Service, operation.Name).IsRetryable
               || base.RetryForException(executionContext, exception);
    }

    public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        Task.FromResult(RetryForException(executionContext, exception));

    public override void WaitBeforeRetry(IExecutionContext executionContext) =>
        WaitBeforeRetryAsync(executionContext).GetAwaiter().GetResult();

    public override Task WaitBeforeRetryAsync(IExecutionContext executionContext) =>
        Task.Delay(Backoff(retry, executionContext.RequestContext.Retries), time, executionContext.RequestContext.CancellationToken);

    /// <summary>Before retry <paramref name="retries"/> (1 first): half of min(max, base·2^(n−1)) plus a random part of the other half.</summary>
    public static TimeSpan Backoff(AwsRetryOptions retry, int retries)
    {
        var exponential = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, retries - 1));
        var capped = Math.Min(retry.MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
