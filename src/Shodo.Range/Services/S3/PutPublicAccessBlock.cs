using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>
/// PutPublicAccessBlock (PUT /bucket?publicAccessBlock): replaces the bucket's Block Public Access configuration
/// (200, empty); a setting the body leaves out is false, as on S3. CloudTrail records the configuration as
/// <c>PublicAccessBlockConfiguration</c> in requestParameters.
/// </summary>
internal sealed class PutPublicAccessBlock() : S3Action("PUT", S3Level.Bucket, "publicAccessBlock")
{
    public override string Name => "PutPublicAccessBlock";
    public override string IamAction => "s3:PutBucketPublicAccessBlock";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var root = S3Xml.Parse(call.Request.Body).Root;
        if (root?.Name.LocalName != "PublicAccessBlockConfiguration")
            throw new AwsError("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema.");
        var block = new S3PublicAccessBlock(
            Flag(root, "BlockPublicAcls"), Flag(root, "IgnorePublicAcls"), Flag(root, "BlockPublicPolicy"), Flag(root, "RestrictPublicBuckets"));
        bucket.PublicAccessBlock = block;
        call.RequestParameters!["PublicAccessBlockConfiguration"] = new JsonObject
        {
            ["xmlns"] = S3Xml.Ns.NamespaceName,
            ["BlockPublicAcls"] = block.BlockPublicAcls, ["IgnorePublicAcls"] = block.IgnorePublicAcls,
            ["BlockPublicPolicy"] = block.BlockPublicPolicy, ["RestrictPublicBuckets"] = block.RestrictPublicBuckets,
        };
        return S3Xml.Empty();
    }

    private static bool Flag(XElement root, string name)
    {
        var value = root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        return value switch
        {
            null => false,
            "true" or "TRUE" or "True" => true,
            "false" or "FALSE" or "False" => false,
            _ => throw new AwsError("MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema."),
        };
    }
}
