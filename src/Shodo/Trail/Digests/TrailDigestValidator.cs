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
/// metadata or, for a local copy, from the next digest in the chain. A digest whose signature or text is
/// invalid says nothing about log files: only the digests that are not invalid name log files missing or
/// altered. A log file a digest names that the listing did not hold is missing only when a store that was
/// listed to the end would hold it and, asked again, says it is gone; one listed but not read whole (outside
/// the time window, unreadable) is not checked.
/// </summary>
public sealed class TrailDigestValidator
{
    private sealed record Entry(ITrailLogStore Store, TrailLogFile File, TrailDigest Digest, string Sha256, string? StoredSignature)
    {
        public string? SignatureFromNext { get; set; }
        public string Chain => TrailDigest.FileName(File.Key)[..Math.Max(0, TrailDigest.FileName(File.Key).LastIndexOf('_'))];
    }

    private readonly ITrailLogStore? _store;
    private readonly IReadOnlyList<TrailDigestKey> _keys;
    private readonly ITrailProblemSink _problems;

    /// <summary>Validates one archive on its own: its digests and the log files they name, each read (again) to hash it.</summary>
    public TrailDigestValidator(ITrailLogStore store, IReadOnlyList<TrailDigestKey> keys, ITrailProblemSink problems)
        : this(keys, problems) => _store = store;

    /// <summary>Validates what reads of an archive saw (<see cref="TrailFilesSeen"/>): log files hashed while they were read.</summary>
    public TrailDigestValidator(IReadOnlyList<TrailDigestKey> keys, ITrailProblemSink problems)
    {
        _keys = keys;
        _problems = problems;
    }

    /// <summary>The archive given to the constructor, listed here; each log file a digest names is read to hash it.</summary>
    public async Task<TrailDigestReport> ValidateAsync(CancellationToken ct = default)
    {
        var store = _store ?? throw new InvalidOperationException("No archive was given: validate what reads saw instead.");
        var seen = new TrailFilesSeen();
        var logs = new Dictionary<string, TrailLogFile>(StringComparer.Ordinal);
        await foreach (var f in store.ListAsync(ct))
        {
            if (f.IsDigest) seen.Digest(store, f);
            else logs.TryAdd(TrailDigest.FileName(f.Key), f);
        }
        seen.ListedWhole(store);
        var (entries, invalid) = await DigestsAsync(seen, ct);
        await Parallel.ForEachAsync(Named(entries, invalid), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (x, token) =>
        {
            if (!logs.TryGetValue(TrailDigest.FileName(x.Log.S3Object), out var file)) return;
            if (await Sha256OfContentAsync(store, file, token) is { } hash) seen.Read(store, file, hash);
            else seen.NotRead(file);
        });
        return await CompareAsync(seen, entries, invalid, ct);
    }

    /// <summary>The digests <paramref name="seen"/> lists, against the log files it saw.</summary>
    public async Task<TrailDigestReport> ValidateAsync(TrailFilesSeen seen, CancellationToken ct = default)
    {
        var (entries, invalid) = await DigestsAsync(seen, ct);
        return await CompareAsync(seen, entries, invalid, ct);
    }

    private sealed record Checked(List<Entry> Entries, List<string> Breaks, HashSet<string> Unverifiable, List<string> UnverifiableReasons, int Verified);

    /// <summary>Reads every digest, checks the chains and the signatures; the digests found invalid.</summary>
    private async Task<(Checked Entries, HashSet<string> Invalid)> DigestsAsync(TrailFilesSeen seen, CancellationToken ct)
    {
        var invalid = new ConcurrentBag<string>();
        var read = new ConcurrentBag<Entry>();
        var digests = seen.Digests.Where(d => TrailLogFile.LooksLikeLog(d.File.Key)).DistinctBy(d => d.File.Name).ToList();
        await Parallel.ForEachAsync(digests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (d, token) =>
        {
            if (await ReadDigestAsync(d.Store, d.File, invalid, token) is { } entry) read.Add(entry);
        });
        var entries = read.OrderBy(e => e.File.Name, StringComparer.Ordinal).ToList();
        var breaks = new List<string>();

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
        var unverifiable = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        foreach (var e in entries)
        {
            switch (Verify(e))
            {
                case null: verified++; break;
                case (true, var why): invalid.Add(e.File.Name); _problems.Report(new TrailProblem(e.File.Name, null, TrailProblemKinds.DigestInvalid, why)); break;
                case (false, var why):
                    unverifiable.Add(e.File.Name);
                    if (!reasons.Contains(why)) reasons.Add(why);
                    break;
            }
        }
        return (new Checked(entries, breaks, unverifiable, reasons, verified), invalid.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Each log file named by a digest that is not invalid, once, with the first digest naming it.</summary>
    private static List<(Entry Digest, TrailDigestLogFile Log)> Named(Checked digests, HashSet<string> invalid) =>
        digests.Entries.Where(e => !invalid.Contains(e.File.Name))
            .SelectMany(e => e.Digest.LogFiles.Select(l => (Digest: e, Log: l)))
            .DistinctBy(x => x.Log.S3Object).ToList();

    private async Task<TrailDigestReport> CompareAsync(TrailFilesSeen seen, Checked digests, HashSet<string> invalid, CancellationToken ct)
    {
        var missing = new ConcurrentBag<string>();
        var altered = new ConcurrentBag<string>();
        var findings = new ConcurrentBag<TrailLogFileFinding>();
        int verified = 0, notChecked = 0;
        var listed = seen.ListedStores;
        await Parallel.ForEachAsync(Named(digests, invalid), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (x, token) =>
        {
            var digestName = x.Digest.File.Name;
            switch (seen.Find(TrailDigest.FileName(x.Log.S3Object), out var sha, out var store))
            {
                case TrailLogSight.Read when TrailFilesSeen.ShaPrefix(x.Log.HashValue) == sha:
                    Interlocked.Increment(ref verified);
                    return;
                case TrailLogSight.Read:
                    var name = await store!.NameOfAsync(x.Log.S3Object, token);
                    var why = $"the log file has been changed since CloudTrail delivered it (its SHA-256 begins {TrailFilesSeen.Hex(sha)}; digest {digestName} recorded {x.Log.HashValue})";
                    altered.Add(name);
                    findings.Add(new TrailLogFileFinding(name, TrailProblemKinds.LogFileAltered, digestName));
                    _problems.Report(new TrailProblem(name, null, TrailProblemKinds.LogFileAltered, why));
                    return;
                case TrailLogSight.NotRead:
                    Interlocked.Increment(ref notChecked);
                    return;
            }
            if (listed.FirstOrDefault(s => s.Covers(x.Log.S3Bucket, x.Log.S3Object)) is not { } holder) return;
            if (await holder.IsGoneAsync(x.Log.S3Object, token) is not true)
            {
                Interlocked.Increment(ref notChecked);
                return;
            }
            var location = $"s3://{x.Log.S3Bucket}/{x.Log.S3Object}";
            missing.Add(x.Log.S3Object);
            findings.Add(new TrailLogFileFinding(location, TrailProblemKinds.LogFileMissing, digestName));
            _problems.Report(new TrailProblem(location, null, TrailProblemKinds.LogFileMissing,
                $"the log file is named in digest {digestName} but is not in the archive (deleted?)"));
        });

        return new TrailDigestReport(digests.Entries.Count, digests.Verified, verified, Sorted(missing), Sorted(altered),
            Sorted(invalid), Sorted(digests.Unverifiable), digests.Breaks)
        {
            LogFilesRead = seen.LogFilesRead,
            LogFilesNotChecked = notChecked,
            UnverifiableReasons = digests.UnverifiableReasons,
            LogFileFindings = findings.OrderBy(f => f.File, StringComparer.Ordinal).ToList(),
        };
    }

    private static List<string> Sorted(IEnumerable<string> items) => items.Distinct().Order(StringComparer.Ordinal).ToList();

    private void Break(List<string> breaks, TrailLogFile file, string why)
    {
        breaks.Add($"{file.Name}: {why}");
        _problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, why));
    }

    /// <summary>Null when the signature verified; (true, why) when it is wrong; (false, why) when it cannot be checked.</summary>
    private (bool Invalid, string Why)? Verify(Entry e)
    {
        var signature = e.StoredSignature ?? e.SignatureFromNext;
        if (e.Digest.SignatureAlgorithm is { } algorithm && algorithm != TrailDigest.SignatureAlgorithmRsaSha256)
            return (true, $"the digest names signature algorithm {algorithm}, not {TrailDigest.SignatureAlgorithmRsaSha256}");
        if (signature is null)
            return (false, "no signature: the newest digest's signature is only in its S3 metadata");
        var key = _keys.FirstOrDefault(k => string.Equals(k.Fingerprint, e.Digest.PublicKeyFingerprint, StringComparison.OrdinalIgnoreCase));
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

    private async Task<Entry?> ReadDigestAsync(ITrailLogStore store, TrailLogFile file, ConcurrentBag<string> invalid, CancellationToken ct)
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
                _problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, notText));
                invalid.Add(file.Name);
                return null;
            }
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = TrailLogReadOptions.MaxDepth });
            if (TrailDigest.From(document.RootElement) is { } digest)
                return new Entry(store, file, digest, Convert.ToHexStringLower(SHA256.HashData(raw)), signature);
            _problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, "the file is not a CloudTrail digest (no digestEndTime or digestS3Object)"));
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidDataException or Amazon.Runtime.AmazonServiceException or Aws.Errors.AwsServiceError)
        {
            _problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.DigestInvalid, $"the digest could not be read ({e.Message})"));
        }
        invalid.Add(file.Name);
        return null;
    }

    private async Task<byte[]?> Sha256OfContentAsync(ITrailLogStore store, TrailLogFile file, CancellationToken ct)
    {
        try
        {
            await using var stored = await store.OpenAsync(file, ct);
            using var content = TrailLogDecoding.Decode(stored);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0) sha.AppendData(buffer, 0, n);
            return sha.GetHashAndReset();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Amazon.Runtime.AmazonServiceException or Aws.Errors.AwsServiceError)
        {
            _problems.Report(new TrailProblem(file.Name, null, TrailProblemKinds.Unreadable, $"the log file could not be read to check its hash ({e.Message})"));
            return null;
        }
    }
}
