using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shodo.Aws.Protocols;

namespace Shodo.Trail.Digests;

/// <summary>
/// One CloudTrail digest file (AWS "CloudTrail digest file structure"): the log files delivered in its
/// hour with their SHA-256, and the previous digest's location, hash and signature — the chain.
/// </summary>
public sealed partial record TrailDigest(
    string DigestEndTime, string DigestS3Bucket, string DigestS3Object, string? PublicKeyFingerprint,
    string? SignatureAlgorithm, string? PreviousDigestS3Bucket, string? PreviousDigestS3Object,
    string? PreviousDigestHashValue, string? PreviousDigestSignature, IReadOnlyList<TrailDigestLogFile> LogFiles)
{
    public const string SignatureAlgorithmRsaSha256 = "SHA256withRSA";

    /// <summary>Null when the JSON is not a digest (no digestEndTime or digestS3Object).</summary>
    public static TrailDigest? From(JsonElement d)
    {
        if (d.Text("digestEndTime") is not { } end || d.Text("digestS3Object") is not { } key) return null;
        return new TrailDigest(end, d.Text("digestS3Bucket") ?? "", key, d.Text("digestPublicKeyFingerprint"),
            d.Text("digestSignatureAlgorithm"), d.Text("previousDigestS3Bucket"), d.Text("previousDigestS3Object"),
            d.Text("previousDigestHashValue"), d.Text("previousDigestSignature"),
            d.Items("logFiles").Select(f => new TrailDigestLogFile(f.Text("s3Bucket") ?? "", f.Text("s3Object") ?? "",
                f.Text("hashValue") ?? "", f.Text("hashAlgorithm"))).Where(f => f.S3Object.Length > 0).ToList());
    }

    /// <summary>
    /// The string CloudTrail signs: end time, bucket/key of this digest, hex SHA-256 of its uncompressed
    /// bytes, and the previous digest's hex signature (the text "null" for the first digest), one per line.
    /// </summary>
    public string SigningString(string digestSha256Hex) =>
        $"{DigestEndTime}\n{DigestS3Bucket}/{DigestS3Object}\n{digestSha256Hex}\n{PreviousDigestSignature ?? "null"}";

    public static string FileName(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>
    /// The region whose key signed a digest, from its file name
    /// (<c>ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ.json.gz</c>); null for another name.
    /// </summary>
    public static string? RegionOf(string key)
    {
        var parts = FileName(key).Split('_');
        return parts.Length >= 4 && parts[1] == "CloudTrail-Digest" && parts[2].Length > 0 ? parts[2] : null;
    }

    [GeneratedRegex(@"_(\d{8}T\d{6}Z)")]
    private static partial Regex EndStamp();

    /// <summary>The end of the hour a digest covers, from its file name; null for another name.</summary>
    public static DateTimeOffset? EndOf(string key) =>
        EndStamp().Match(FileName(key)) is { Success: true } m && DateTimeOffset.TryParseExact(m.Groups[1].Value, "yyyyMMdd'T'HHmmss'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}

/// <summary>A log file named in a digest, with the hex SHA-256 of its uncompressed content.</summary>
public sealed record TrailDigestLogFile(string S3Bucket, string S3Object, string HashValue, string? HashAlgorithm);
