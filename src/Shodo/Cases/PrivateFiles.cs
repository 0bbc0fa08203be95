using System.Runtime.InteropServices;

namespace Shodo.Cases;

/// <summary>
/// Files and folders only their owner can read: 0700 folders and 0600 files on Unix (set at
/// creation, so there is no moment where they are readable by others), and durable writes.
/// </summary>
internal static partial class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode_ = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open) options.UnixCreateMode = FileMode_;
        return new FileStream(path, options);
    }

    /// <summary>
    /// Writes a new file and flushes it to disk; fails if it exists. Readers may open it meanwhile
    /// (<c>case verify</c> reads a document's temporary file): an exclusive share would make this write
    /// fail whenever a reader happened to hold the name.
    /// </summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = Open(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Flushes a folder's entries to disk (fsync on the folder), so a file just created or renamed
    /// into it survives a crash. Best effort on Unix; Windows has no equivalent and needs none for NTFS.
    /// </summary>
    public static void SyncDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var fd = OpenDirectory(path, 0 /* O_RDONLY */);
            if (fd < 0) return;
            _ = FSync(fd);
            _ = Close(fd);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);

    /// <summary>Reads a whole file (or its end from <paramref name="offset"/>) while a writer may have it open (readers never take the case lock).</summary>
    public static byte[] ReadShared(string path, long offset = 0)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (offset > 0) stream.Seek(offset, SeekOrigin.Begin);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Opens a file for appending at its end (creating it 0600), in a mode that allows undoing a failed append.</summary>
    public static FileStream OpenForAppend(string path)
    {
        var stream = Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    /// <summary>
    /// Appends bytes and flushes them to disk before returning. If the write or the flush fails (disk
    /// full, I/O error), the file is cut back to where it was, so a half-written line never stays
    /// behind to break the next one.
    /// </summary>
    public static void AppendDurably(FileStream stream, ReadOnlySpan<byte> bytes)
    {
        var before = stream.Length;
        try
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            try
            {
                stream.SetLength(before);
                stream.Seek(before, SeekOrigin.Begin);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) { }
            throw;
        }
    }
}
