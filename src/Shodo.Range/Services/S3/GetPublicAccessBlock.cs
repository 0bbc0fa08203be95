using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetPublicAccessBlock (GET /bucket?publicAccessBlock), or NoSuchPublicAccessBlockConfiguration.</summary>
internal sealed class GetPublicAccessBlock() : S3Action("GET", S3Level.Bucket, "publicAccessBlock")
{
    public override string Name => "GetPublicAccessBlock";
    public override string IamAction => "s3:GetBucketPublicAccessBlock";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var block = bucket.PublicAccessBlock ?? throw new AwsError("NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found", 404);
        return S3Xml.Document(S3Xml.E("PublicAccessBlockConfiguration",
            S3Xml.E("BlockPublicAcls", S3Xml.Bool(block.BlockPublicAcls)),
            S3Xml.E("IgnorePublicAcls", S3Xml.Bool(block.IgnorePublicAcls)),
            S3Xml.E("BlockPublicPolicy", S3Xml.Bool(block.BlockPublicPolicy)),
            S3Xml.E("RestrictPublicBuckets", S3Xml.Bool(block.RestrictPublicBuckets))));
    }
}
