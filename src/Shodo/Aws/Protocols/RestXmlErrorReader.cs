using System.Net.Http.Headers;
using System.Xml;
using Shodo.Aws.Errors;

namespace Shodo.Aws.Protocols;

/// <summary>
/// Reads REST-XML errors (S3 Control): <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;RequestId/&gt;&lt;/Error&gt;</c> as S3 writes
/// them, or wrapped in <c>&lt;ErrorResponse&gt;</c>. A body that is not XML falls back to the HTTP status.
/// </summary>
public sealed class RestXmlErrorReader : IErrorReader
{
    public static RestXmlErrorReader Instance { get; } = new();

    public AwsServiceError Read(AwsOperation operation, int status, byte[] body, string? headerRequestId, HttpResponseHeaders headers)
    {
        try
        {
            if (body.Length > 0)
            {
                var root = Xml.Load(body);
                var error = root.Name.LocalName == "Error" ? root : root.Element("Error");
                if (error?.Text("Code") is { Length: > 0 } code)
                    return new AwsServiceError(operation.Service, operation.Name, code, error.Text("Message") ?? "",
                        error.Text("RequestId") ?? root.Text("RequestId") ?? headerRequestId, status);
            }
        }
        catch (XmlException) { }
        return new AwsServiceError(operation.Service, operation.Name, IErrorReader.CodeForStatus(status),
            $"HTTP {status} with no AWS error in the body", headerRequestId, status);
    }
}
