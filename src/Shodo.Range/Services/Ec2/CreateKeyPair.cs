using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.KeyPairActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateKeyPair: one of <see cref="KeyPairActions"/>.</summary>
internal sealed class CreateKeyPair : Ec2Action
{
    public override string Name => "CreateKeyPair";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var name = NewName(c);
        var type = c.Params.Get("KeyType") ?? "rsa";
        if (type is not ("rsa" or "ed25519"))
            throw AwsError.InvalidParameterValue($"Value ({type}) for parameter keyType is invalid.");
        var material = KeyMaterial.Create(type);
        var pair = Add(c, name, type, material.PublicKey, material.Fingerprint);
        return
        [
            V("keyName", pair.KeyName), V("keyFingerprint", pair.KeyFingerprint), V("keyMaterial", material.PrivateKey),
            V("keyPairId", pair.KeyPairId), TagSet(c.Region.Tags.Of(pair.KeyPairId)),
        ];
    }
}
