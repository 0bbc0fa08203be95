using System.Xml.Linq;
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

    /// <summary>Replaces the account's Block Public Access with <paramref name="block"/> (every setting written, none left out).</summary>
    public async Task PutPublicAccessBlockAsync(string accountId, AccountPublicAccessBlock block, CancellationToken ct)
    {
        var endpoint = S3ControlEndpoint.For(accountId, region, endpointOverride);
        XNamespace ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";
        static string On(bool value) => value ? "true" : "false";
        var body = new XElement(ns + "PublicAccessBlockConfiguration",
            new XElement(ns + "BlockPublicAcls", On(block.BlockPublicAcls)), new XElement(ns + "IgnorePublicAcls", On(block.IgnorePublicAcls)),
            new XElement(ns + "BlockPublicPolicy", On(block.BlockPublicPolicy)), new XElement(ns + "RestrictPublicBuckets", On(block.RestrictPublicBuckets)))
            .ToString(SaveOptions.DisableFormatting);
        await transport.SendAsync(S3ControlOperations.PutPublicAccessBlock, endpoint, () =>
        {
            var request = Request(HttpMethod.Put, endpoint, accountId);
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/xml");
            return request;
        }, RestXmlErrorReader.Instance, ct).ConfigureAwait(false);
    }

    private static HttpRequestMessage Request(HttpMethod method, ServiceEndpoint endpoint, string accountId)
    {
        var request = new HttpRequestMessage(method, new Uri(endpoint.Url, PublicAccessBlockPath));
        request.Headers.TryAddWithoutValidation("x-amz-account-id", accountId);
        return request;
    }
}
