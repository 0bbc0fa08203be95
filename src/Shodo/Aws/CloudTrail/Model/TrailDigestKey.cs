namespace Shodo.Aws.CloudTrail.Model;

/// <summary>
/// A CloudTrail public key (ListPublicKeys): the DER-encoded PKCS#1 RSA public key, when it was valid,
/// and its fingerprint, which digests name in <c>digestPublicKeyFingerprint</c>.
/// </summary>
public sealed record TrailDigestKey(string Fingerprint, byte[] Der, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);
