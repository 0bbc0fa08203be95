using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketLocation (GET /bucket?location): the region, empty for us-east-1.</summary>
internal sealed class GetBucketLocation() : S3Action("GET", S3Level.Bucket, "location")
{
    public override string Name => "GetBucketLocation";
    public override bool AnyRegion => true;

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        return S3Xml.Document(S3Xml.E("LocationConstraint", bucket.Region == "us-east-1" ? null : bucket.Region));
    }
}
