using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>ListBuckets (GET /): every bucket of the account with its creation date and region.</summary>
internal sealed class ListBuckets() : S3Action("GET", S3Level.Service)
{
    public override string Name => "ListBuckets";
    public override string IamAction => "s3:ListAllMyBuckets";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var prefix = call.Request.Query.GetValueOrDefault("prefix") ?? "";
        var buckets = call.State.Buckets.Values.Where(b => b.Name.StartsWith(prefix, StringComparison.Ordinal));
        return S3Xml.Document(S3Xml.E("ListAllMyBucketsResult",
            S3Owner.Element(call.State),
            S3Xml.E("Buckets", buckets.Select(b => S3Xml.E("Bucket",
                S3Xml.E("Name", b.Name),
                S3Xml.E("CreationDate", S3Xml.Time(b.CreatedAt)),
                S3Xml.E("BucketRegion", b.Region))))));
    }
}
