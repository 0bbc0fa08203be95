using Shodo.Range.Serving;
using Shodo.Range.State.S3;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketAcl (GET /bucket?acl): the owner's FULL_CONTROL plus any other grants.</summary>
internal sealed class GetBucketAcl() : S3Action("GET", S3Level.Bucket, "acl")
{
    public override string Name => "GetBucketAcl";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var grants = new[] { new S3Grant("CanonicalUser", call.State.CanonicalUserId, "FULL_CONTROL") }.Concat(bucket.Grants);
        return S3Xml.Document(S3Xml.E("AccessControlPolicy",
            S3Owner.Element(call.State),
            S3Xml.E("AccessControlList", grants.Select(g => S3Xml.E("Grant",
                S3Xml.E("Grantee",
                    new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "xsi", S3Xml.Xsi.NamespaceName),
                    new System.Xml.Linq.XAttribute(S3Xml.Xsi + "type", g.GranteeType),
                    S3Xml.E(g.GranteeType == "Group" ? "URI" : "ID", g.Grantee)),
                S3Xml.E("Permission", g.Permission))))));
    }
}
