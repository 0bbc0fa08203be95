using Shodo.Aws.Protocols;

namespace Shodo.Aws.S3Control;

/// <summary>
/// A thin typed client for S3 Control (REST-XML, signed as <c>s3</c> by the shared <see cref="AwsTransport"/>, so the interlock,
/// the catalog check, retries and recording apply as to every hand-written client). Each request names its account twice, as
/// the model requires: in the host prefix (<see cref="S3ControlEndpoint"/>) and in <c>x-amz-account-id</c>.
/// </summary>
public sealed class S3ControlClient(AwsTransport transport, string region, Uri? endpointOverride)
{
    private const string PublicAccessBlockPath = "v20180820/configuration/publicAccessBlock";

    /// <summary>The account's Block Public Access; throws <see cref="Errors.AwsServiceError"/> NoSuchPublicAccessBlockConfiguration (404) when none is set.</summary>
    public async Task<(AccountPublicAccessBlock Block, WireAnswer Raw)> GetPublicAccessBlockAsync(string accountId, CancellationToken ct)
    {
        var endpoint = S3ControlEndpoint.For(accountId, region, endpointOverride);
        var answer = await transport.SendAsync(S3ControlOperations.GetPublicAccessBlock, endpoint,
            () => Request(HttpMethod.Get, endpoint, accountId), RestXmlErrorReader.Instance, ct).ConfigureAwait(false);
        return (AccountPublicAccessBlock.From(Xml.Load(answer.Body)), answer);
    }

    private static HttpRequestMessage Request(HttpMethod method, ServiceEndpoint endpoint, string accountId)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint.Url, PublicAccessBlockPath));
        request.Headers.TryAddWithoutValidation("x-amz-account-id", accountId);
        return request;
    }
}
