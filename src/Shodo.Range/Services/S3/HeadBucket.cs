using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>HeadBucket (HEAD /bucket): 200 with the bucket's region, or 404.</summary>
internal static class HeadBucket
{
    public static readonly S3Operation Operation =
        new("HeadBucket", "HEAD", S3Level.Bucket, null, "s3:ListBucket", ReadOnly: true, Handle);

    private static AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        return S3Xml.Empty(200, new Dictionary<string, string> { ["x-amz-bucket-region"] = bucket.Region });
    }
}
