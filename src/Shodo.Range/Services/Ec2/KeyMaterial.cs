using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// Key material and fingerprints as EC2 makes them. Created RSA keys are real 2048-bit keys
/// (PEM, fingerprint = SHA-1 of the PKCS#8 private key); imported keys are OpenSSH public keys
/// (fingerprint = MD5 of the key blob, RFC 4716); ed25519 fingerprints are base64 SHA-256.
/// </summary>
public static class KeyMaterial
{
    public sealed record Created(string PrivateKey, string PublicKey, string Fingerprint);

    public static Created Create(string keyType)
    {
        if (keyType == "ed25519")
        {
            var blob = SshBlob("ssh-ed25519", RandomNumberGenerator.GetBytes(32));
            var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(300), Base64FormattingOptions.InsertLineBreaks);
            return new($"-----BEGIN OPENSSH PRIVATE KEY-----\n{body.Replace("\r", "")}\n-----END OPENSSH PRIVATE KEY-----",
                "ssh-ed25519 " + Convert.ToBase64String(blob), Sha256(blob));
        }
        using var rsa = RSA.Create(2048);
        var parameters = rsa.ExportParameters(false);
        var rsaBlob = SshBlob("ssh-rsa", MpInt(parameters.Exponent!), MpInt(parameters.Modulus!));
        return new(rsa.ExportRSAPrivateKeyPem(), "ssh-rsa " + Convert.ToBase64String(rsaBlob),
            Colons(SHA1.HashData(rsa.ExportPkcs8PrivateKey())));
    }

    /// <summary>Parses an OpenSSH public key line; null when it is not one.</summary>
    public static (string KeyType, string PublicKey, string Fingerprint)? Import(byte[] material)
    {
        var parts = Encoding.ASCII.GetString(material).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || parts[0] is not ("ssh-rsa" or "ssh-ed25519")) return null;
        byte[] blob;
        try { blob = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { return null; }
        return parts[0] == "ssh-rsa"
            ? ("rsa", $"{parts[0]} {parts[1]}", Colons(MD5.HashData(blob)))
            : ("ed25519", $"{parts[0]} {parts[1]}", Sha256(blob));
    }

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2")));

    private static string Sha256(byte[] blob) => Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');

    private static byte[] MpInt(byte[] value) => value[0] >= 0x80 ? [0, .. value] : value;

    private static byte[] SshBlob(string type, params byte[][] fields)
    {
        var parts = new List<byte[]> { Encoding.ASCII.GetBytes(type) };
        parts.AddRange(fields);
        var blob = new List<byte>();
        foreach (var part in parts)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, part.Length);
            blob.AddRange(length);
            blob.AddRange(part);
        }
        return [.. blob];
    }
}
