using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// Delivers digest files for a trail with log file validation on, as AWS documents ("CloudTrail digest
/// file structure"): per region, the log files just delivered with the SHA-256 of their uncompressed
/// content, chained to the previous digest by its hash and signature, signed SHA256withRSA over
/// "endTime\nbucket/key\nhexSha256\npreviousSignature" and the signature stored as the object's
/// <c>x-amz-meta-signature</c>. AWS delivers hourly; the range delivers with every log delivery.
/// </summary>
public static class DigestDelivery
{
    /// <summary>The last digest of each trail and region: key, SHA-256, signature and end time.</summary>
    public sealed record Link(string Bucket, string Key, string Sha256, string Signature, DateTimeOffset End);

    public static IReadOnlyList<string> Deliver(RangeState state, Trail trail, IReadOnlyList<string> logKeys) =>
        Deliver(state, trail, logKeys, state.AccountId, null);

    /// <summary>
    /// The digests of log files delivered for <paramref name="accountId"/> by <paramref name="state"/>'s trail: an organisation
    /// trail (<paramref name="organizationId"/> given) keeps a chain per account and region, under <c>AWSLogs/o-ID/ACCOUNT/CloudTrail-Digest/</c>,
    /// signed with the management account's key.
    /// </summary>
    public static IReadOnlyList<string> Deliver(RangeState state, Trail trail, IReadOnlyList<string> logKeys, string accountId, string? organizationId)
    {
        if (!trail.LogFileValidationEnabled || logKeys.Count == 0) return [];
        var bucket = state.FindBucket(trail.S3BucketName);
        if (bucket is null) return [];
        var written = new List<string>();
        foreach (var region in logKeys.GroupBy(RegionOf))
        {
            var chainKey = organizationId is null ? $"{trail.Arn}/{region.Key}" : $"{trail.Arn}/{accountId}/{region.Key}";
            var previous = state.DigestChains.GetValueOrDefault(chainKey);
            var now = state.Clock.Now;
            var end = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (previous is not null && end <= previous.End) end = previous.End.AddSeconds(1);
            var key = DigestKey(trail, accountId, region.Key, end, organizationId);
            var logFiles = new JsonArray(region.Select(k =>
            {
                var body = Gunzip(bucket.Objects[k].Body);
                return (JsonNode)new JsonObject
                {
                    ["s3Bucket"] = trail.S3BucketName, ["s3Object"] = k,
                    ["hashValue"] = Convert.ToHexStringLower(SHA256.HashData(body)), ["hashAlgorithm"] = "SHA-256",
                };
            }).ToArray());
            var digest = new JsonObject
            {
                ["awsAccountId"] = accountId,
                ["digestStartTime"] = CloudTrailTime.Format(previous?.End ?? trail.CreatedAt),
                ["digestEndTime"] = CloudTrailTime.Format(end),
                ["digestS3Bucket"] = trail.S3BucketName,
                ["digestS3Object"] = key,
                ["digestPublicKeyFingerprint"] = state.DigestKey.Fingerprint,
                ["digestSignatureAlgorithm"] = "SHA256withRSA",
                ["previousDigestS3Bucket"] = previous?.Bucket,
                ["previousDigestS3Object"] = previous?.Key,
                ["previousDigestHashValue"] = previous?.Sha256,
                ["previousDigestHashAlgorithm"] = previous is null ? null : "SHA-256",
                ["previousDigestSignature"] = previous?.Signature,
                ["logFiles"] = logFiles,
            };
            var raw = Encoding.UTF8.GetBytes(digest.ToJsonString());
            var sha = Convert.ToHexStringLower(SHA256.HashData(raw));
            var signing = $"{CloudTrailTime.Format(end)}\n{trail.S3BucketName}/{key}\n{sha}\n{previous?.Signature ?? "null"}";
            var signature = state.DigestKey.Sign(Encoding.UTF8.GetBytes(signing));
            var stored = state.PutObject(trail.S3BucketName, key, Gzip(raw), "application/json", end);
            stored.Metadata["signature"] = signature;
            stored.Metadata["signature-algorithm"] = "SHA256withRSA";
            state.DigestChains[chainKey] = new Link(trail.S3BucketName, key, sha, signature, end);
            written.Add(key);
        }
        return written;
    }

    /// <summary>The region folder of a log key: …/CloudTrail/&lt;region&gt;/YYYY/MM/DD/file.</summary>
    private static string RegionOf(string logKey)
    {
        var parts = logKey.Split('/');
        var at = Array.IndexOf(parts, "CloudTrail");
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : "us-east-1";
    }

    public static string DigestKey(Trail trail, string accountId, string region, DateTimeOffset end, string? organizationId = null)
    {
        var t = end.UtcDateTime;
        var prefix = TrailDelivery.AccountPrefix(trail, accountId, organizationId);
        return $"{prefix}CloudTrail-Digest/{region}/{t:yyyy}/{t:MM}/{t:dd}/" +
               $"{accountId}_CloudTrail-Digest_{region}_{trail.Name}_{trail.HomeRegion}_{t.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json.gz";
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }
}
