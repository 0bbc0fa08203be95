using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>
/// One page of a bucket listing, shared by ListObjects and ListObjectsV2: keys after a position, under
/// a prefix, rolled up into common prefixes at the delimiter; keys and prefixes both count toward max-keys.
/// </summary>
internal sealed class S3Listing
{
    public List<S3Object> Contents { get; } = [];
    public List<string> CommonPrefixes { get; } = [];
    public bool IsTruncated { get; private set; }
    /// <summary>The last key or common prefix on the page (the position the next page starts after).</summary>
    public string? Last { get; private set; }

    public static S3Listing Page(S3Bucket bucket, string prefix, string? delimiter, string? after, int maxKeys)
    {
        var page = new S3Listing();
        foreach (var (key, obj) in bucket.Objects)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (after is not null && string.CompareOrdinal(key, after) <= 0) continue;
            var rolledUp = RollUp(key, prefix, delimiter);
            if (rolledUp is not null && page.CommonPrefixes.Count > 0 && page.CommonPrefixes[^1] == rolledUp) continue;
            // A key inside the common prefix the previous page ended on belongs to that prefix.
            if (rolledUp is not null && after is not null && rolledUp == after) continue;
            if (page.Contents.Count + page.CommonPrefixes.Count >= maxKeys)
            {
                page.IsTruncated = true;
                break;
            }
            if (rolledUp is not null) page.CommonPrefixes.Add(rolledUp);
            else page.Contents.Add(obj);
            page.Last = rolledUp ?? key;
        }
        return page;
    }

    private static string? RollUp(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter)) return null;
        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    public static int MaxKeys(AwsRequest request)
    {
        if (request.Query.GetValueOrDefault("max-keys") is not { } text) return 1000;
        if (!int.TryParse(text, out var max) || max < 0)
            throw new AwsError("InvalidArgument", "Provided max-keys not an integer or within integer range");
        return Math.Min(max, 1000);
    }

    public IEnumerable<XElement> Elements(bool urlEncode) =>
        Contents.Select(o => S3Xml.E("Contents",
                S3Xml.E("Key", Encode(o.Key, urlEncode)),
                S3Xml.E("LastModified", S3Xml.Time(o.LastModified)),
                S3Xml.E("ETag", o.ETag),
                S3Xml.E("Size", o.Size),
                S3Xml.E("StorageClass", "STANDARD")))
            .Concat(CommonPrefixes.Select(p => S3Xml.E("CommonPrefixes", S3Xml.E("Prefix", Encode(p, urlEncode)))));

    /// <summary>encoding-type=url: keys percent-encoded as S3 does, slashes kept.</summary>
    public static string Encode(string value, bool urlEncode) =>
        urlEncode ? Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal) : value;

    public static bool UrlEncoding(AwsRequest request) =>
        request.Query.GetValueOrDefault("encoding-type") is { } e
            ? e == "url" ? true : throw new AwsError("InvalidArgument", "Invalid Encoding Method specified in Request")
            : false;
}
