using System.Net.Http.Headers;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Protocols;

/// <summary>Turns a protocol's error answer into an <see cref="AwsServiceError"/>.</summary>
public interface IErrorReader
{
    AwsServiceError Read(AwsOperation operation, int status, byte[] body, string? headerRequestId, HttpResponseHeaders headers);

    /// <summary>The code to use when the body says nothing (an HTML page from a proxy, an empty 503).</summary>
    static string CodeForStatus(int status) => status switch
    {
        429 => "TooManyRequestsException",
        503 => "ServiceUnavailable",
        >= 500 => "InternalFailure",
        403 => "AccessDenied",
        _ => $"Http{status}",
    };
}
