using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>S3's XML: its namespace, time formats, and a document as a response.</summary>
internal static class S3Xml
{
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>ISO 8601 with milliseconds, as in listings: 2009-10-12T17:50:30.000Z.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 1123, as in Last-Modified headers.</summary>
    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static RawResult Document(XElement root, int status = 200)
    {
        var bytes = AwsXmlWriting.Bytes(new XDocument(new XDeclaration("1.0", "UTF-8", null), root));
        return new RawResult(status, bytes, "application/xml");
    }

    public static RawResult Empty(int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, [], null, headers);

    public static XDocument Parse(byte[] body)
    {
        try
        {
            return XDocument.Parse(Encoding.UTF8.GetString(body));
        }
        catch (XmlException)
        {
            throw new AwsError("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema.");
        }
    }
}
