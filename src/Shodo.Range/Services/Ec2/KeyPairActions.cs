using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair.</summary>
public sealed class KeyPairActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateKeyPair", false, CreateKeyPair),
        new("ImportKeyPair", false, ImportKeyPair),
        new("DescribeKeyPairs", true, DescribeKeyPairs),
        new("DeleteKeyPair", false, DeleteKeyPair),
    ];

    private static string NewName(Ec2Context c)
    {
        var name = c.Params.Required("KeyName");
        if (c.Region.FindKeyPair(name) is not null)
            throw new AwsError("InvalidKeyPair.Duplicate", $"The keypair '{name}' already exists.");
        c.Params.RejectUnknownTagSpecifications(["key-pair"]);
        return name;
    }

    private static KeyPair Add(Ec2Context c, string name, string type, string publicKey, string fingerprint)
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

    private static IEnumerable<XElement?> CreateKeyPair(Ec2Context c)
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

    private static IEnumerable<XElement?> ImportKeyPair(Ec2Context c)
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

    private static IEnumerable<XElement> DescribeKeyPairs(Ec2Context c)
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

    private static IEnumerable<XElement?> DeleteKeyPair(Ec2Context c)
    {
        var name = c.Params.Get("KeyName");
        var id = c.Params.Get("KeyPairId");
        if (name is null && id is null) throw AwsError.MissingParameter("KeyName");
        var pair = c.Region.KeyPairs.FirstOrDefault(k => k.KeyName == name || k.KeyPairId == id);
        if (pair is not null)
        {
            c.Region.KeyPairs.Remove(pair);
            c.Region.Tags.RemoveAll(pair.KeyPairId);
        }
        return [Return(), V("keyPairId", pair?.KeyPairId)];
    }
}
