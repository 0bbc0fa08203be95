using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair.</summary>
internal static class KeyPairActions
{
    internal static string NewName(Ec2Context c)
    {
        var name = c.Params.Required("KeyName");
        if (c.Region.FindKeyPair(name) is not null)
            throw new AwsError("InvalidKeyPair.Duplicate", $"The keypair '{name}' already exists.");
        c.Params.RejectUnknownTagSpecifications(["key-pair"]);
        return name;
    }

    internal static KeyPair Add(Ec2Context c, string name, string type, string publicKey, string fingerprint)
    {
        var pair = new KeyPair
        {
            KeyPairId = Ec2Ids.New("key"), KeyName = name, KeyType = type, PublicKey = publicKey,
            KeyFingerprint = fingerprint, CreateTime = c.Now,
        };
        c.Region.KeyPairs.Add(pair);
        c.Region.Tags.Set(pair.KeyPairId, c.Params.TagsFor("key-pair"));
        return pair;
    }
}
