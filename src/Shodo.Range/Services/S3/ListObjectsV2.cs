using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// ListObjectsV2 (GET /bucket?list-type=2): prefix, delimiter, max-keys, start-after, continuation-token.
/// CloudTrail records it as a ListObjects data event.
/// </summary>
internal sealed class ListObjectsV2() : S3Action("GET", S3Level.Bucket, "list-type")
{
    public override string Name => "ListObjectsV2";
    public override string IamAction => "s3:ListBucket";
    public override bool DataEvent => true;
    public override string EventName => "ListObjects";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var q = call.Request.Query;
        call.State.DeliverTrailLogs(target.Bucket);
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var prefix = q.GetValueOrDefault("prefix") ?? "";
        var delimiter = q.GetValueOrDefault("delimiter");
        var token = q.GetValueOrDefault("continuation-token");
        var startAfter = q.GetValueOrDefault("start-after");
        var url = S3Listing.UrlEncoding(call.Request);
        var after = token is not null ? Decode(token) : startAfter;
        var page = S3Listing.Page(bucket, prefix, delimiter, after, S3Listing.MaxKeys(call.Request));

        var root = S3Xml.E("ListBucketResult",
            S3Xml.E("Name", bucket.Name),
            S3Xml.E("Prefix", S3Listing.Encode(prefix, url)),
            S3Xml.E("KeyCount", page.Contents.Count + page.CommonPrefixes.Count),
            S3Xml.E("MaxKeys", S3Listing.MaxKeys(call.Request)),
            delimiter is null ? null : S3Xml.E("Delimiter", S3Listing.Encode(delimiter, url)),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            page.Elements(url),
            token is null ? null : S3Xml.E("ContinuationToken", token),
            page.IsTruncated ? S3Xml.E("NextContinuationToken", Encode(page.Last!)) : null,
            startAfter is null ? null : S3Xml.E("StartAfter", S3Listing.Encode(startAfter, url)),
            url ? S3Xml.E("EncodingType", "url") : null);
        return S3Xml.Document(root);
    }

    private static string Encode(string position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(position));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw new AwsError("InvalidArgument", "The continuation token provided is incorrect");
        }
    }
}
