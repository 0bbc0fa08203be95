using Polly;
using Polly.Retry;
using Polly.Timeout;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Resilience;

/// <summary>
/// Builds the Polly pipeline for hand-written clients from <see cref="AwsRetryOptions"/>: a total
/// timeout around exponential retries with jitter around a per-attempt timeout. What is retried:
/// <see cref="AwsServiceError.IsRetryable"/> (throttling, transient codes, 5xx, no answer).
/// The SDK clients get the same rule and numbers through <see cref="Sdk.SdkRetryPolicy"/>.
/// </summary>
public static class AwsRetryPipeline
{
    public static ResiliencePipeline Build(AwsRetryOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<AwsServiceError>(e => e.IsRetryable)
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
}
