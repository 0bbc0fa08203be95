using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Shodo.Range.Serving;

/// <summary>
/// A successful response from a service. Query and EC2 services return <see cref="XmlResult"/> (the
/// dispatcher adds the envelope and request id), JSON services return <see cref="JsonResult"/>, S3
/// returns <see cref="RawResult"/> or <see cref="XmlResult"/> as it needs.
/// </summary>
public abstract record AwsResponse;

/// <summary>
/// The result elements of an operation. For Query, they go inside &lt;{Op}Result&gt;; for EC2 they are
/// the children of &lt;{Op}Response&gt;; for S3 <see cref="Root"/> is the whole document.
/// Element names are unqualified; the dispatcher puts them in the service's XML namespace.
/// </summary>
public sealed record XmlResult(IReadOnlyList<XElement> Elements, XElement? Root = null) : AwsResponse
{
    public XmlResult(params XElement[] elements) : this((IReadOnlyList<XElement>)elements) { }
    public static XmlResult Document(XElement root) => new([], root);
}

public sealed record JsonResult(JsonNode? Body) : AwsResponse;

public sealed record RawResult(int Status, byte[] Body, string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null) : AwsResponse;
