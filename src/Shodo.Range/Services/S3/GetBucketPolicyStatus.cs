using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// GetBucketPolicyStatus (GET /bucket?policyStatus): whether the bucket policy is public in Block Public Access's
/// sense (<see cref="Shodo.Aws.S3.PublicBucketPolicy"/>), or NoSuchBucketPolicy when the bucket has none.
/// </summary>
internal sealed class GetBucketPolicyStatus() : S3Action("GET", S3Level.Bucket, "policyStatus")
{
    public override string Name => "GetBucketPolicyStatus";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        if (bucket.Policy is null) throw new AwsError("NoSuchBucketPolicy", "The bucket policy does not exist", 404);
        var isPublic = JsonNode.Parse(bucket.Policy) is JsonObject policy && Shodo.Aws.S3.PublicBucketPolicy.IsPublic(policy);
        return S3Xml.Document(S3Xml.E("PolicyStatus", S3Xml.E("IsPublic", S3Xml.Bool(isPublic))));
    }
}
