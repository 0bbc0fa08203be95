using System.Runtime.CompilerServices;

namespace Shodo.Trail.Archives;

/// <summary>How a local archive is walked.</summary>
public sealed record LocalTrailLogOptions
{
    /// <summary>
    /// Follow symbolic links that lead out of the archive's folder. Off by default: a link such as
    /// <c>up -&gt; ..</c> would read the folder's surroundings; such a link is listed as not followed.
    /// </summary>
    public bool FollowLinksOutside { get; init; }
}

/// <summary>
/// A directory of trail log files, searched recursively (or a single file). Symbolic links inside the
/// folder are followed, but each folder and each file is read once however many paths lead to it
/// (device and inode, <see cref="LocalFileIdentity"/>), so a loop (<c>d/self -&gt; ../d</c>) ends; a link
/// leading out of the folder is listed with <see cref="TrailLogFile.NotFollowed"/> unless asked.
/// </summary>
public sealed class LocalTrailLogStore(string path, LocalTrailLogOptions? options = null) : ITrailLogStore
{
    private readonly LocalTrailLogOptions _options = options ?? new LocalTrailLogOptions();

    public string Location { get; } = Path.GetFullPath(path);

    public async IAsyncEnumerable<TrailLogFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        if (File.Exists(Location))
        {
            var info = new FileInfo(Location);
            yield return new TrailLogFile(Location, info.Name, info.Length, info.LastWriteTimeUtc);
            yield break;
        }
        if (!Directory.Exists(Location)) throw new DirectoryNotFoundException(Location);
        foreach (var entry in Walk(ct).OrderBy(f => f.Key, StringComparer.Ordinal))
            yield return entry;
    }

    /// <summary>Depth first from the root, every folder once; files once each.</summary>
    private List<TrailLogFile> Walk(CancellationToken ct)
    {
        var root = LocalFileIdentity.CanonicalPathOf(Location) ?? Location;
        var folders = new HashSet<LocalFileIdentity>();
        var files = new HashSet<LocalFileIdentity>();
        var found = new List<TrailLogFile>();
        var pending = new Stack<string>([Location]);
        while (pending.TryPop(out var folder))
        {
            ct.ThrowIfCancellationRequested();
            if (LocalFileIdentity.Of(folder) is not { } id || !folders.Add(id)) continue;
            IEnumerable<string> entries;
            try { entries = Directory.EnumerateFileSystemEntries(folder, "*", Flat).ToList(); }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException) { continue; }
            foreach (var entry in entries)
            {
                var key = Path.GetRelativePath(Location, entry).Replace(Path.DirectorySeparatorChar, '/');
                var info = new FileInfo(entry);
                if (info.LinkTarget is not null && !_options.FollowLinksOutside
                    && LocalFileIdentity.CanonicalPathOf(entry) is { } target && !LocalFileIdentity.IsWithin(target, root))
                {
                    found.Add(new TrailLogFile(entry, key, 0, null)
                        { NotFollowed = $"a symbolic link to {target}, outside {Location}; it was not followed" });
                    continue;
                }
                if (Directory.Exists(entry)) pending.Push(entry);
                else if (LocalFileIdentity.Of(entry) is not { } file) found.Add(new TrailLogFile(entry, key, 0, null));
                else if (files.Add(file)) found.Add(new TrailLogFile(entry, key, info.Exists ? info.Length : 0, info.Exists ? info.LastWriteTimeUtc : null));
            }
        }
        return found;
    }

    private static readonly EnumerationOptions Flat = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };

    public Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(file.Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    /// <summary>For a copy of <c>…/CloudTrail/REGION/…</c>, the same folder under <c>…/CloudTrail-Digest/</c> when it exists.</summary>
    public ITrailLogStore? DigestsBeside()
    {
        if (File.Exists(Location)) return null;
        var parts = Location.Split(Path.DirectorySeparatorChar);
        var at = Array.LastIndexOf(parts, "CloudTrail");
        if (at < 0) return null;
        parts[at] = "CloudTrail-Digest";
        var beside = string.Join(Path.DirectorySeparatorChar, parts);
        return Directory.Exists(beside) ? new LocalTrailLogStore(beside, _options) : null;
    }

    /// <summary>A local copy is taken to be the whole archive: a log file a digest names that is not in it is missing from it.</summary>
    public bool Covers(string bucket, string key) => true;

    /// <summary>The listing of a folder is complete and nothing is delivered into it.</summary>
    public Task<bool?> IsGoneAsync(string key, CancellationToken ct) => Task.FromResult<bool?>(true);

    /// <summary>The path of the file with that name: the folder is walked once, on the first question (a file was altered).</summary>
    public async Task<string> NameOfAsync(string key, CancellationToken ct)
    {
        Task<Dictionary<string, string>> paths;
        lock (_pathsGate) paths = _paths ??= PathsByNameAsync(ct);
        return (await paths).GetValueOrDefault(TrailFilesSeen.FileName(key)) ?? key;
    }

    private readonly Lock _pathsGate = new();
    private Task<Dictionary<string, string>>? _paths;

    private async Task<Dictionary<string, string>> PathsByNameAsync(CancellationToken ct)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var file in ListAsync(ct))
            if (file.NotFollowed is null) paths.TryAdd(TrailFilesSeen.FileName(file.Key), file.Name);
        return paths;
    }

    /// <summary>A local copy keeps no S3 metadata; a <c>.signature</c> file beside the digest may hold it.</summary>
    public async Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct)
    {
        var sidecar = file.Name + ".signature";
        var signature = File.Exists(sidecar) ? (await File.ReadAllTextAsync(sidecar, ct)).Trim() : null;
        return (await File.ReadAllBytesAsync(file.Name, ct), signature);
    }
}
