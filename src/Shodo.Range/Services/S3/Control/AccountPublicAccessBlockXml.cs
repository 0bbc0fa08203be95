using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3.Control;

/// <summary>The account's <c>PublicAccessBlockConfiguration</c> in S3 Control's XML, read and written.</summary>
internal static class AccountPublicAccessBlockXml
{
    public static XElement Element(S3PublicAccessBlock block) => S3Control.E("PublicAccessBlockConfiguration",
        S3Control.E("BlockPublicAcls", S3Xml.Bool(block.BlockPublicAcls)),
        S3Control.E("IgnorePublicAcls", S3Xml.Bool(block.IgnorePublicAcls)),
        S3Control.E("BlockPublicPolicy", S3Xml.Bool(block.BlockPublicPolicy)),
        S3Control.E("RestrictPublicBuckets", S3Xml.Bool(block.RestrictPublicBuckets)));

    /// <summary>The body of a PutPublicAccessBlock; a setting it leaves out is false. MalformedXML otherwise.</summary>
    public static S3PublicAccessBlock Read(byte[] body)
    {
        var root = S3Xml.Parse(body).Root;
        if (root?.Name.LocalName != "PublicAccessBlockConfiguration") throw Malformed();
        return new S3PublicAccessBlock(Flag(root, "BlockPublicAcls"), Flag(root, "IgnorePublicAcls"),
            Flag(root, "BlockPublicPolicy"), Flag(root, "RestrictPublicBuckets"));
    }

    /// <summary>The configuration as CloudTrail writes it in requestParameters.</summary>
    public static JsonObject Json(S3PublicAccessBlock block) => new()
    {
        ["xmlns"] = S3Control.Ns.NamespaceName,
        ["BlockPublicAcls"] = block.BlockPublicAcls, ["IgnorePublicAcls"] = block.IgnorePublicAcls,
        ["BlockPublicPolicy"] = block.BlockPublicPolicy, ["RestrictPublicBuckets"] = block.RestrictPublicBuckets,
    };

    private static bool Flag(XElement root, string name) =>
        root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim().ToLowerInvariant() switch
        {
            null => false,
            "true" => true,
            "false" => false,
            _ => throw Malformed(),
        };

    private static AwsError Malformed() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema.");
}
