using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>PutBucketPolicy (PUT /bucket?policy): stores a JSON policy (204); a public one is refused while Block Public Access (the bucket's or the account's) blocks public policies.</summary>
internal sealed class PutBucketPolicy() : S3Action("PUT", S3Level.Bucket, "policy")
{
    public override string Name => "PutBucketPolicy";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var text = Encoding.UTF8.GetString(call.Request.Body);
        JsonObject policy;
        try
        {
            policy = JsonNode.Parse(text) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new AwsError("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'");
        }
        if (policy["Statement"] is null) throw new AwsError("MalformedPolicy", "Missing required field Statement");
        if (S3PublicAccessBlock.Effective(bucket.PublicAccessBlock, call.State.AccountPublicAccessBlock)?.BlockPublicPolicy == true
            && Shodo.Aws.S3.PublicBucketPolicy.IsPublic(policy))
            throw new AwsError("AccessDenied", "Access Denied", 403);
        bucket.Policy = text;
        call.RequestParameters!["bucketPolicy"] = policy.DeepClone();
        return S3Xml.Empty(204);
    }
}
