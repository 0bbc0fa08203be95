using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketLocation (GET /bucket?location): the region, empty for us-east-1.</summary>
internal static class GetBucketLocation
{
    public static readonly S3Operation Operation = new("GetBucketLocation", "GET", S3Level.Bucket, "location",
        "s3:GetBucketLocation", ReadOnly: true, Handle, AnyRegion: true);

    private static AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        return S3Xml.Document(S3Xml.E("LocationConstraint", bucket.Region == "us-east-1" ? null : bucket.Region));
    }
}
