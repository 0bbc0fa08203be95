using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.KeyPairActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ImportKeyPair: one of <see cref="KeyPairActions"/>.</summary>
internal sealed class ImportKeyPair : Ec2Action
{
    public override string Name => "ImportKeyPair";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var name = NewName(c);
        var encoded = c.Params.Required("PublicKeyMaterial");
        byte[] raw;
        try { raw = Convert.FromBase64String(encoded); }
        catch (FormatException) { raw = System.Text.Encoding.ASCII.GetBytes(encoded); }
        var key = KeyMaterial.Import(raw)
            ?? throw new AwsError("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        var pair = Add(c, name, key.KeyType, key.PublicKey, key.Fingerprint);
        return
        [
            V("keyFingerprint", pair.KeyFingerprint), V("keyName", pair.KeyName), V("keyPairId", pair.KeyPairId),
            TagSet(c.Region.Tags.Of(pair.KeyPairId)),
        ];
    }
}
