using System.Runtime.CompilerServices;

namespace Shodo.Investigation.Sources.Archives;

/// <summary>A directory of trail log files, searched recursively (or a single file).</summary>
public sealed class LocalTrailLogStore(string path) : ITrailLogStore
{
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
        var files = Directory.EnumerateFiles(Location, "*", new EnumerationOptions
            { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var info = new FileInfo(file);
            var key = Path.GetRelativePath(Location, file).Replace(Path.DirectorySeparatorChar, '/');
            yield return new TrailLogFile(file, key, info.Length, info.LastWriteTimeUtc);
        }
    }

    public Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct) =>
        Task.FromResult<Stream>(new FileStream(file.Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

    /// <summary>A local copy keeps no S3 metadata; a <c>.signature</c> file beside the digest may hold it.</summary>
    public async Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct)
    {
        var sidecar = file.Name + ".signature";
        var signature = File.Exists(sidecar) ? (await File.ReadAllTextAsync(sidecar, ct)).Trim() : null;
        return (await File.ReadAllBytesAsync(file.Name, ct), signature);
    }
}
