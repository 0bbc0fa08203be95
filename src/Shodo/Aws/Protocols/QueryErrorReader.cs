using System.Net.Http.Headers;
using System.Xml;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Protocols;

/// <summary>
/// Reads Query-protocol errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>
/// (IAM, RDS, STS), and the EC2 form <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;…&lt;RequestID/&gt;</c>.
/// A body that is not XML (a proxy's HTML page) falls back to the HTTP status.
/// </summary>
public sealed class QueryErrorReader : IErrorReader
{
    public static QueryErrorReader Instance { get; } = new();

    public AwsServiceError Read(AwsOperation operation, int status, byte[] body, string? headerRequestId, HttpResponseHeaders headers)
    {
        try
        {
            var root = Xml.Load(body);
            var error = root.Element("Error") ?? root.Element("Errors")?.Element("Error");
            if (error?.Text("Code") is { Length: > 0 } code)
            {
                var requestId = root.Text("RequestId") ?? root.Text("RequestID") ?? headerRequestId;
                return new AwsServiceError(operation.Service, operation.Name, code, error.Text("Message") ?? "", requestId, status);
            }
        }
        catch (XmlException) { }
        return new AwsServiceError(operation.Service, operation.Name, IErrorReader.CodeForStatus(status),
            $"HTTP {status} with no AWS error in the body", headerRequestId, status);
    }
}
