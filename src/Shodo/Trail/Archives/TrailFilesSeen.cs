using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shodo.Trail.Archives;

/// <summary>How far a read saw one log file.</summary>
public enum TrailLogSight
{
    /// <summary>No listing held a file of that name.</summary>
    NotListed,
    /// <summary>Listed but not read whole (outside the time window, unreadable, a link not followed, too large).</summary>
    NotRead,
    /// <summary>Read whole: its SHA-256 is known.</summary>
    Read,
}

/// <summary>
/// What the reads of one archive saw, for the digest check: each log file listed (by file name, the name a
/// digest gives it), the SHA-256 of the uncompressed content of each log file read whole — computed while it
/// was read (<see cref="TrailArchiveOptions.Seen"/>), so no file is read twice — and the digest files listed.
/// Per log file it keeps a 128-bit id of the name and the first 128 bits of the hash (about 50 bytes), never
/// content, so the reader's memory bound holds. Safe to use from several readers at once.
/// </summary>
public sealed class TrailFilesSeen
{
    private readonly Lock _gate = new();
    private readonly Dictionary<UInt128, (UInt128 Sha, ITrailLogStore Store)> _read = [];
    private readonly HashSet<UInt128> _notRead = [];
    private readonly List<(ITrailLogStore Store, TrailLogFile File)> _digests = [];
    private readonly List<ITrailLogStore> _listed = [];

    /// <summary>A digest file listed in <paramref name="store"/>.</summary>
    public void Digest(ITrailLogStore store, TrailLogFile file)
    {
        lock (_gate) _digests.Add((store, file));
    }

    /// <summary>A log file listed but not read whole.</summary>
    public void NotRead(TrailLogFile file)
    {
        var id = IdOf(FileName(file.Key));
        lock (_gate)
            if (!_read.ContainsKey(id)) _notRead.Add(id);
    }

    /// <summary>A log file read whole, with the SHA-256 of its uncompressed content.</summary>
    public void Read(ITrailLogStore store, TrailLogFile file, ReadOnlySpan<byte> sha256)
    {
        var id = IdOf(FileName(file.Key));
        var sha = BinaryPrimitives.ReadUInt128BigEndian(sha256);
        lock (_gate)
        {
            _read[id] = (sha, store);
            _notRead.Remove(id);
        }
    }

    /// <summary>
    /// A log file an earlier read of the same folder read whole (its SHA-256's first 128 bits, as <see cref="Find"/> gave them),
    /// listed again but not fetched again: digests naming it are checked against what was read then.
    /// </summary>
    public void ReadBefore(ITrailLogStore store, TrailLogFile file, UInt128 sha)
    {
        var id = IdOf(FileName(file.Key));
        lock (_gate)
        {
            _read[id] = (sha, store);
            _notRead.Remove(id);
        }
    }

    /// <summary><paramref name="store"/> was listed to the end: a log file it would hold that it did not list is not there.</summary>
    public void ListedWhole(ITrailLogStore store)
    {
        lock (_gate) _listed.Add(store);
    }

    public IReadOnlyList<(ITrailLogStore Store, TrailLogFile File)> Digests
    {
        get { lock (_gate) return _digests.OrderBy(d => d.File.Name, StringComparer.Ordinal).ToList(); } // listed in any order by parallel readers
    }

    /// <summary>The stores listed to the end.</summary>
    public IReadOnlyList<ITrailLogStore> ListedStores
    {
        get { lock (_gate) return _listed.OrderBy(s => s.Location, StringComparer.Ordinal).ToList(); }
    }

    /// <summary>Log files read whole.</summary>
    public int LogFilesRead
    {
        get { lock (_gate) return _read.Count; }
    }

    /// <summary>How far the log file named <paramref name="fileName"/> was seen; when read, the first 128 bits of its SHA-256 and its store.</summary>
    public TrailLogSight Find(string fileName, out UInt128 sha, out ITrailLogStore? store)
    {
        var id = IdOf(fileName);
        lock (_gate)
        {
            if (_read.TryGetValue(id, out var read))
            {
                (sha, store) = read;
                return TrailLogSight.Read;
            }
            (sha, store) = (default, null);
            return _notRead.Contains(id) ? TrailLogSight.NotRead : TrailLogSight.NotListed;
        }
    }

    /// <summary>The first 128 bits of a hex SHA-256, as <see cref="Find"/> gives them; null when the text is not 64 hex digits.</summary>
    public static UInt128? ShaPrefix(string? hex) =>
        hex is { Length: 64 } && UInt128.TryParse(hex.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            && hex.AsSpan(32).ContainsAnyExcept("0123456789abcdefABCDEF") is false ? v : null;

    public static string Hex(UInt128 sha) => sha.ToString("x32", CultureInfo.InvariantCulture);

    public static string FileName(string key) => key[(key.LastIndexOf('/') + 1)..];

    private static UInt128 IdOf(string fileName)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(fileName), hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }
}
