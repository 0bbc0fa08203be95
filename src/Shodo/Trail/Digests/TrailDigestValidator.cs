using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Trail.Records;
using Shodo.Trail.Archives;

namespace Shodo.Trail.Digests;

/// <summary>
/// Validates a trail archive with its digest files, as AWS documents for a custom implementation:
/// each digest's RSA signature (SHA256withRSA over the signing string, with the CloudTrail public key of
/// the digest's fingerprint), the chain (each digest names the previous one's hash and signature), and
/// each log file's SHA-256 of its uncompressed content. The signature of a digest comes from its S3
/// metadata or, for a local copy, from the next digest in the chain.
/// </summary>
public sealed class TrailDigestValidator(ITrailLogStore store, IReadOnlyList<TrailDigestKey> keys, ITrailProblemSink problems)
{
    private sealed record Entry(TrailLogFile File, TrailDigest Digest, string Sha256, string? StoredSignature)
    {
        public string? SignatureFromNext { get; set; }
        public string Chain => TrailDigest.FileName(File.Key)[..Math.Max(0, TrailDigest.FileName(File.Key).LastIndexOf('_'))];
    }

    public async Task<TrailDigestReport> ValidateAsync(CancellationToken ct = default)
    {
        var files = new List<TrailLogFile>();
        await foreach (var f in store.ListAsync(ct)) files.Add(f);
        var logs = files.Where(f => !f.IsDigest).GroupBy(f => TrailDigest.FileName(f.Key)).ToDictionary(g => g.Key, g => g.First());
        var invalid = new ConcurrentBag<string>();
        var unverifiable = new ConcurrentBag<string>();
        var breaks = new List<string>();

        var entries = new List<Entry>();
        foreach (var file in files.Where(f => f.IsDigest && TrailLogFile.LooksLikeLog(f.Key)))
            if (await ReadDigestAsync(file, invalid, ct) is { } entry) entries.Add(entry);

        var byName = entries.GroupBy(e => TrailDigest.FileName(e.File.Key)).ToDictionary(g => g.Key, g => g.First());
        foreach (var chain in entries.GroupBy(e => e.Chain))
        {
            var ordered = chain.OrderBy(e => e.Digest.DigestEndTime, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var e = ordered[i];
                if (e.Digest.PreviousDigestS3Object is not { } previousKey) continue;
                if (!byName.TryGetValue(TrailDigest.FileName(previousKey), out var previous))
                {
                    if (i > 0) Break(breaks, e.File, $"the previous digest {previousKey} is missing");
                    continue;
                }
                if (!string.Equals(previous.Sha256, e.Digest.PreviousDigestHashValue, StringComparison.OrdinalIgnoreCase))
                    Break(breaks, e.File, $"the previous digest {previous.File.Name} has been changed (its SHA-256 differs from the one recorded here)");
                if (previous.StoredSignature is { } stored && e.Digest.PreviousDigestSignature is { } recorded
                    && !string.Equals(stored, recorded, StringComparison.OrdinalIgnoreCase))
                    Break(breaks, e.File, $"the previous digest {previous.File.Name} carries a different signature than the one recorded here");
                previous.SignatureFromNext = e.Digest.PreviousDigestSignature;
            }
        }

        var verified = 0;
        foreach (var e in entries)
        {
            switch (Verify(e))
            {
                case null: verified++; break;
                case (true, var why): invalid.Add(e.File.Name); problems.Report(new TrailProblem(e.File.Name, null, TrailProblemKinds.DigestInvalid, why)); break;
                case (false, _): unverifiable.Add(e.File.Name); break;
            }
        }

        var missing = new ConcurrentBag<string>();
        var altered = new ConcurrentBag<string>();
        var logsVerified = 0;
        var named = entries.SelectMany(e => e.Digest.LogFiles.Select(l => (Digest: e, Log: l)))
            .DistinctBy(x => x.Log.S3Object).ToList();
        await Parallel.ForEachAsync(named, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (x, token) =>
        {
            var name = TrailDigest.FileName(x.Log.S3Object);
            if (!logs.TryGetValue(name, out var file))
            {
                missing.Add(x.Log.S3Object);
                problems.Report(new TrailProblem($"s3://{x.Log.S3Bucket}/{x.Log.S3Object}", null, TrailProblemKinds.LogFileMissing,
                    $"the log file is named in digest {x.Digest.File.Name} but is not in the archive (deleted?)"));
                return;
            }
            var hash = await Sha256OfContentAsync(file, token);
            if (hash is null) { altered.Add(file.Name); return; }
            if (string.Equals(hash, x.Log.HashValue, StringComparison.OrdinalIgnoreCase)) { Interlocked.Increment(ref logsVerified); return; }
            altered.Add(file.Name);
            problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.LogFileAltered,
                $"the log file has been changed since CloudTrail delivered it (SHA-256 {hash}, digest {x.Digest.File.Name} recorded {x.Log.HashValue})"));
        });

        return new TrailDigestReport(entries.Count, verified, logsVerified, Sorted(missing), Sorted(altered),
            Sorted(invalid), Sorted(unverifiable), breaks);
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.Distinct().Order(StringComparer.Ordinal).ToList();

    private void Break(List<string> breaks, TrailLogFile file, string why)
    {
        breaks.Add($"{file.Name}: {why}");
        problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, why));
    }

    /// <summary>Null when the signature verified; (true, why) when it is wrong; (false, why) when it cannot be checked.</summary>
    private (bool Invalid, string Why)? Verify(Entry e)
    {
        var signature = e.StoredSignature ?? e.SignatureFromNext;
        if (e.Digest.SignatureAlgorithm is { } algorithm && algorithm != TrailDigest.SignatureAlgorithmRsaSha256)
            return (true, $"the digest names signature algorithm {algorithm}, not {TrailDigest.SignatureAlgorithmRsaSha256}");
        if (signature is null)
            return (false, "no signature: the newest digest's signature is only in its S3 metadata");
        var key = keys.FirstOrDefault(k => string.Equals(k.Fingerprint, e.Digest.PublicKeyFingerprint, StringComparison.OrdinalIgnoreCase));
        if (key is null)
            return (false, $"no CloudTrail public key with fingerprint {e.Digest.PublicKeyFingerprint}");
        byte[] signatureBytes;
        try { signatureBytes = Convert.FromHexString(signature); }
        catch (FormatException) { return (true, "the digest's signature is not hexadecimal"); }
        using var rsa = RSA.Create();
        try { rsa.ImportRSAPublicKey(key.Der, out _); }
        catch (CryptographicException) { return (false, $"the public key {key.Fingerprint} could not be read"); }
        var data = Encoding.UTF8.GetBytes(e.Digest.SigningString(e.Sha256));
        return rsa.VerifyData(data, signatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null : (true, "the digest's RSA signature does not verify: the digest was changed or not written by CloudTrail");
    }

    private async Task<Entry?> ReadDigestAsync(TrailLogFile file, ConcurrentBag<string> invalid, CancellationToken ct)
    {
        try
        {
            var (bytes, signature) = await store.ReadDigestAsync(file, ct);
            using var content = TrailLogDecoding.Decode(new MemoryStream(bytes));
            using var plain = new MemoryStream();
            await content.CopyToAsync(plain, ct);
            var raw = plain.ToArray();
            if (TrailRecordText.Problem(raw, "digest") is { } notText)
            {
                problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, notText));
                invalid.Add(file.Name);
                return null;
            }
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = TrailLogReadOptions.MaxDepth });
            if (TrailDigest.From(document.RootElement) is { } digest)
                return new Entry(file, digest, Convert.ToHexStringLower(SHA256.HashData(raw)), signature);
            problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, "the file is not a CloudTrail digest (no digestEndTime or digestS3Object)"));
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or Amazon.Runtime.AmazonServiceException)
        {
            problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, $"the digest could not be read ({e.Message})"));
        }
        invalid.Add(file.Name);
        return null;
    }

    private async Task<string?> Sha256OfContentAsync(TrailLogFile file, CancellationToken ct)
    {
        try
        {
            await using var stored = await store.OpenAsync(file, ct);
            using var content = TrailLogDecoding.Decode(stored);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0) sha.AppendData(buffer, 0, n);
            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Amazon.Runtime.AmazonServiceException)
        {
            problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.LogFileAltered, $"the log file could not be read to check its hash ({e.Message})"));
            return null;
        }
    }
}
