using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>HeadBucket (HEAD /bucket): 200 with the bucket's region, or 404.</summary>
internal sealed class HeadBucket() : S3Action("HEAD", S3Level.Bucket)
{
    public override string Name => "HeadBucket";
    public override string IamAction => "s3:ListBucket";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        return S3Xml.Empty(200, new Dictionary<string, string> { ["x-amz-bucket-region"] = bucket.Region });
    }
}
