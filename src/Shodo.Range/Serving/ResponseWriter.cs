using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Shodo.Range.Serving;

/// <summary>Renders results and errors in each protocol's envelope, with AWS's request id headers.</summary>
public static class ResponseWriter
{
    public const string JsonContentType = "application/x-amz-json-1.1";
    public const string RestJsonContentType = "application/json";

    public static Task WriteAsync(HttpContext http, IAwsService service, string operation, AwsResponse response,
        string requestId, CancellationToken ct)
    {
        AddRequestIdHeaders(http.Response, service.Protocol, requestId);
        XNamespace ns = service.XmlNamespace;
        switch (response)
        {
            case RawResult raw:
                http.Response.StatusCode = raw.Status;
                if (raw.ContentType is not null) http.Response.ContentType = raw.ContentType;
                foreach (var (name, value) in raw.Headers ?? new Dictionary<string, string>())
                    http.Response.Headers[name] = value;
                // A 204 carries no body and no Content-Length (Kestrel refuses both, after the client already has its answer).
                if (HttpMethods.IsHead(http.Request.Method) || raw.Status == StatusCodes.Status204NoContent) return Task.CompletedTask;
                if (!http.Response.Headers.ContainsKey("Content-Length")) http.Response.ContentLength = raw.Body.Length;
                return http.Response.Body.WriteAsync(raw.Body, ct).AsTask();
            case JsonResult json:
                return WriteText(http, 200, service.Protocol == AwsProtocol.RestJson ? RestJsonContentType : JsonContentType, json.Body?.ToJsonString() ?? "{}", ct);
            case XmlResult xml when xml.Root is not null:
                return WriteXml(http, 200, Qualify(xml.Root, ns), ct);
            case XmlResult xml when service.Protocol == AwsProtocol.Ec2:
                return WriteXml(http, 200, new XElement(ns + (operation + "Response"),
                    new XElement(ns + "requestId", requestId), xml.Elements.Select(e => Qualify(e, ns))), ct);
            case XmlResult xml:
                var envelope = new XElement(ns + (operation + "Response"));
                if (xml.Elements.Count > 0)
                    envelope.Add(new XElement(ns + (operation + "Result"), xml.Elements.Select(e => Qualify(e, ns))));
                envelope.Add(new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
                return WriteXml(http, 200, envelope, ct);
            default:
                throw new InvalidOperationException($"Unknown response type {response.GetType().Name}");
        }
    }

    /// <summary>Writes an error (already translated for the protocol).</summary>
    public static Task WriteErrorAsync(HttpContext http, AwsProtocol protocol, string xmlNamespace, AwsError error,
        string requestId, CancellationToken ct)
    {
        AddRequestIdHeaders(http.Response, protocol, requestId);
        XNamespace ns = xmlNamespace;
        switch (protocol)
        {
            case AwsProtocol.Json or AwsProtocol.RestJson:
                var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
                if (error.Reason is not null) body["Reason"] = error.Reason;
                http.Response.Headers["x-amzn-ErrorType"] = error.Code;
                return WriteText(http, error.Status, protocol == AwsProtocol.RestJson ? RestJsonContentType : JsonContentType,
                    body.ToJsonString(), ct);
            case AwsProtocol.Ec2:
                return WriteXml(http, error.Status, new XElement("Response",
                    new XElement("Errors", new XElement("Error",
                        new XElement("Code", error.Code), new XElement("Message", error.Message))),
                    new XElement("RequestID", requestId)), ct);
            case AwsProtocol.RestXml:
                foreach (var (name, value) in error.Headers) http.Response.Headers[name] = value;
                if (HttpMethods.IsHead(http.Request.Method))
                {
                    http.Response.StatusCode = error.Status;
                    return Task.CompletedTask;
                }
                return WriteXml(http, error.Status, new XElement("Error",
                    new XElement("Code", error.Code), new XElement("Message", error.Message),
                    error.Details.Select(d => new XElement(d.Key, d.Value)),
                    new XElement("RequestId", requestId)), ct);
            default:
                return WriteXml(http, error.Status, new XElement(ns + "ErrorResponse",
                    new XElement(ns + "Error",
                        new XElement(ns + "Type", error.SenderFault ? "Sender" : "Receiver"),
                        new XElement(ns + "Code", error.Code),
                        new XElement(ns + "Message", error.Message)),
                    new XElement(ns + "RequestId", requestId)), ct);
        }
    }

    private static void AddRequestIdHeaders(HttpResponse response, AwsProtocol protocol, string requestId)
    {
        if (protocol == AwsProtocol.RestXml)
        {
            response.Headers["x-amz-request-id"] = requestId;
            response.Headers["x-amz-id-2"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(requestId));
        }
        else
        {
            response.Headers["x-amzn-RequestId"] = requestId;
        }
    }

    /// <summary>Puts unqualified elements (and their unqualified descendants) in the service's namespace.</summary>
    public static XElement Qualify(XElement element, XNamespace ns)
    {
        var copy = new XElement(element);
        if (ns == XNamespace.None) return copy;
        foreach (var e in copy.DescendantsAndSelf())
            if (e.Name.Namespace == XNamespace.None) e.Name = ns + e.Name.LocalName;
        return copy;
    }

    private static Task WriteXml(HttpContext http, int status, XElement root, CancellationToken ct)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append(AwsXmlWriting.Text(root)).ToString();
        return WriteText(http, status, http.Response.ContentType ?? "text/xml", text, ct);
    }

    private static Task WriteText(HttpContext http, int status, string contentType, string text, CancellationToken ct)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, ct).AsTask();
    }
}
