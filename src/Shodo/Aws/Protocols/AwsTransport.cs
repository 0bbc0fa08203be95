using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Polly;
using Polly.Timeout;
using Shodo.Aws.Errors;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Aws.Sdk;

namespace Shodo.Aws.Protocols;

/// <summary>
/// The HTTP path every hand-written client shares: interlock check, declaration check, the
/// documented rate limit, then retries around one SigV4-signed send (signing by AWSSDK.Core's
/// <see cref="SigV4SigningHandler"/>, inside the retry loop so each attempt is signed afresh).
/// Protocol engines (<see cref="QueryClient"/>, <see cref="JsonClient"/>) build the request and
/// read errors; everything else about sending lives here once.
/// </summary>
public sealed class AwsTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly Interlock _interlock;
    private readonly RequestRateLimits _limits;
    private readonly ResiliencePipeline _retry;

    public AwsTransport(AWSCredentials credentials, Interlock interlock, RequestRateLimits limits,
        AwsRetryOptions retry, TimeProvider time, HttpMessageHandler? wire = null)
    {
        _interlock = interlock;
        _limits = limits;
        _retry = AwsRetryPipeline.Build(retry, time);
        wire ??= RecordingHandler.Wire(retry.ConnectTimeout, time);
        var signer = new SigV4SigningHandler(credentials, Amazon.RegionEndpoint.USEast1, "iam", wire);
        _http = new HttpClient(signer) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"shodo/{typeof(AwsTransport).Assembly.GetName().Version}");
    }

    /// <summary>Sends <paramref name="build"/>'s request; returns the body of a 2xx answer, throws <see cref="AwsServiceError"/> otherwise.</summary>
    public async Task<WireAnswer> SendAsync(AwsOperation operation, ServiceEndpoint endpoint,
        Func<HttpRequestMessage> build, IErrorReader errors, CancellationToken ct)
    {
        _interlock.Check(operation, endpoint.SigningRegion);
        OperationCatalog.EnsureDeclared(operation);
        try
        {
            return await _retry.ExecuteAsync(async token =>
            {
                await _limits.WaitTurnAsync(operation, endpoint.SigningRegion, token);
                return await SendOnceAsync(operation, endpoint, build, errors, token);
            }, ct);
        }
        catch (TimeoutRejectedException e)
        {
            throw AwsServiceError.Unreachable(operation.Service, operation.Name, endpoint.Url.ToString(), e);
        }
    }

    private async Task<WireAnswer> SendOnceAsync(AwsOperation operation, ServiceEndpoint endpoint,
        Func<HttpRequestMessage> build, IErrorReader errors, CancellationToken ct)
    {
        using var request = build();
        request.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.ServiceOptionKey), endpoint.SigningName);
        request.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.RegionOptionKey), endpoint.SigningRegion);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw AwsServiceError.Unreachable(operation.Service, operation.Name, endpoint.Url.ToString(), e);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException)
        {
            // The signer could not get credentials (an SSO token expired, a credential process failed).
            throw new AwsServiceError(operation.Service, operation.Name, AwsErrorCodes.CredentialsUnavailable, e.Message, null, 0, e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var headerId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault()
                : response.Headers.TryGetValues("x-amz-request-id", out var s3Ids) ? s3Ids.FirstOrDefault() : null;
            if (response.IsSuccessStatusCode) return new WireAnswer(body, headerId);
            throw errors.Read(operation, (int)response.StatusCode, body, headerId, response.Headers);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A successful answer's body and the request id from its headers (if any).</summary>
public sealed record WireAnswer(byte[] Body, string? RequestId);
