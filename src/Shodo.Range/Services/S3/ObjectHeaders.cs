using System.Globalization;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>The response headers S3 sends with an object (GetObject, HeadObject).</summary>
internal static class ObjectHeaders
{
    public static Dictionary<string, string> Of(S3Object obj, long? contentLength = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = obj.ETag,
            ["Last-Modified"] = S3Xml.HttpDate(obj.LastModified),
            ["Accept-Ranges"] = "bytes",
            ["Content-Type"] = obj.ContentType,
            ["x-amz-server-side-encryption"] = "AES256",
        };
        if (contentLength is { } length) headers["Content-Length"] = length.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in obj.Metadata) headers["x-amz-meta-" + name] = value;
        return headers;
    }
}
