using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>ListObjects, version 1 (GET /bucket): prefix, delimiter, max-keys, marker; NextMarker with a delimiter.</summary>
internal sealed class ListObjects() : S3Action("GET", S3Level.Bucket)
{
    public override string Name => "ListObjects";
    public override string IamAction => "s3:ListBucket";
    public override bool DataEvent => true;

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var q = call.Request.Query;
        call.State.DeliverTrailLogs(target.Bucket);
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var prefix = q.GetValueOrDefault("prefix") ?? "";
        var delimiter = q.GetValueOrDefault("delimiter");
        var marker = q.GetValueOrDefault("marker");
        var url = S3Listing.UrlEncoding(call.Request);
        var page = S3Listing.Page(bucket, prefix, delimiter, string.IsNullOrEmpty(marker) ? null : marker,
            S3Listing.MaxKeys(call.Request));

        var root = S3Xml.E("ListBucketResult",
            S3Xml.E("Name", bucket.Name),
            S3Xml.E("Prefix", S3Listing.Encode(prefix, url)),
            S3Xml.E("Marker", S3Listing.Encode(marker ?? "", url)),
            page.IsTruncated && delimiter is not null ? S3Xml.E("NextMarker", S3Listing.Encode(page.Last!, url)) : null,
            S3Xml.E("MaxKeys", S3Listing.MaxKeys(call.Request)),
            delimiter is null ? null : S3Xml.E("Delimiter", S3Listing.Encode(delimiter, url)),
            S3Xml.E("IsTruncated", S3Xml.Bool(page.IsTruncated)),
            page.Elements(url),
            url ? S3Xml.E("EncodingType", "url") : null);
        return S3Xml.Document(root);
    }
}
