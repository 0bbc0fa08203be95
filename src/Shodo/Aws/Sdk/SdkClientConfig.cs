using Amazon;
using Amazon.Runtime;
using Shodo.Aws.Resilience;

namespace Shodo.Aws.Sdk;

/// <summary>
/// Applies the connection's choices to an SDK client config: the endpoint override (as
/// <c>aws --endpoint-url</c>) or the region's public endpoint, the signing region, and the one
/// retry policy's attempt cap and per-attempt timeout (<see cref="AwsRetryOptions"/>; which errors are
/// retried, and how long to wait, is <see cref="SdkRetryPolicy"/>'s).
/// Endpoints from AWS_ENDPOINT_URL or a profile's endpoint_url are ignored here because the
/// connection has already folded them into its override, so SDK and hand-written clients agree.
/// </summary>
public static class SdkClientConfig
{
    public static T Apply<T>(T config, string region, Uri? endpointOverride, AwsRetryOptions retry, TimeProvider time) where T : ClientConfig
    {
        config.HttpClientFactory = new SdkHttpClients(retry.ConnectTimeout, time);
        config.IgnoreConfiguredEndpointUrls = true;
        if (endpointOverride is not null)
        {
            config.ServiceURL = endpointOverride.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            config.AuthenticationRegion = region;
        }
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = Math.Max(0, retry.MaxAttempts - 1);
        config.Timeout = retry.AttemptTimeout;
        return config;
    }
}
