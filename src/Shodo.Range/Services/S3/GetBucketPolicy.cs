using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketPolicy (GET /bucket?policy): the policy JSON as stored, or NoSuchBucketPolicy.</summary>
internal sealed class GetBucketPolicy() : S3Action("GET", S3Level.Bucket, "policy")
{
    public override string Name => "GetBucketPolicy";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        if (bucket.Policy is null) throw new AwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
        return new RawResult(200, Encoding.UTF8.GetBytes(bucket.Policy), "application/json");
    }
}
