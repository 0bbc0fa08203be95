using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.KeyPairActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeKeyPairs: one of <see cref="KeyPairActions"/>.</summary>
internal sealed class DescribeKeyPairs : Ec2Action
{
    public override string Name => "DescribeKeyPairs";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var names = c.Params.List("KeyName");
        var ids = c.Params.List("KeyPairId");
        foreach (var missing in names.Where(n => c.Region.FindKeyPair(n) is null)
                     .Concat(ids.Where(id => c.Region.KeyPairs.All(k => k.KeyPairId != id))))
            throw Ec2Errors.KeyPairNotFound(missing);
        var pairs = c.Region.KeyPairs.Where(k =>
            (names.Count == 0 || names.Contains(k.KeyName)) && (ids.Count == 0 || ids.Contains(k.KeyPairId)));
        pairs = Ec2Filter.Apply(pairs, c.Params.Filters(), (k, f) => f switch
        {
            "key-name" => [k.KeyName],
            "key-pair-id" => [k.KeyPairId],
            "fingerprint" => [k.KeyFingerprint],
            "key-type" => [k.KeyType],
            _ => null,
        }, k => k.KeyPairId, c.Region.Tags);
        var includePublic = c.Params.Bool("IncludePublicKey") == true;
        yield return Set("keySet", pairs, k =>
        [
            V("keyPairId", k.KeyPairId), V("keyName", k.KeyName), V("keyFingerprint", k.KeyFingerprint),
            V("keyType", k.KeyType), TagSet(c.Region.Tags.Of(k.KeyPairId)),
            includePublic ? V("publicKey", k.PublicKey) : null, V("createTime", k.CreateTime),
        ]);
    }
}
