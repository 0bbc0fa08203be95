using System.Security.Cryptography;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// The range's CloudTrail signing key for digest files (AWS keeps one private key per region and
/// publishes the public halves through ListPublicKeys). The fingerprint is the hex MD5 of the
/// DER-encoded PKCS#1 public key, the form ListPublicKeys returns.
/// </summary>
public sealed class DigestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    public DigestSigningKey(DateTimeOffset validFrom)
    {
        _rsa = RSA.Create(2048);
        ValidFrom = validFrom;
    }

    /// <summary>A key as saved in the range's state file (PKCS#8), so saved digests still verify after a load.</summary>
    public DigestSigningKey(DateTimeOffset validFrom, byte[] pkcs8PrivateKey)
    {
        _rsa = RSA.Create();
        _rsa.ImportPkcs8PrivateKey(pkcs8PrivateKey, out _);
        ValidFrom = validFrom;
    }

    /// <summary>The private key (PKCS#8), for the range's state file only.</summary>
    public byte[] ExportPrivateKey() => _rsa.ExportPkcs8PrivateKey();

    public DateTimeOffset ValidFrom { get; }
    public byte[] PublicKeyDer => _rsa.ExportRSAPublicKey();
    public string Fingerprint => Convert.ToHexStringLower(MD5.HashData(PublicKeyDer));

    /// <summary>SHA256withRSA (PKCS#1 v1.5) over the signing string, hex encoded.</summary>
    public string Sign(byte[] data) =>
        Convert.ToHexStringLower(_rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _rsa.Dispose();
}
