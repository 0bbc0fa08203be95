using System.Runtime.InteropServices;

namespace Shodo.Trail.Archives;

/// <summary>
/// Which file or folder a path leads to once every link is followed: device and inode on Linux
/// (<c>statx</c>), so a folder reached again through a link or a bind mount is known as the same one;
/// elsewhere, its canonical path. And that canonical path (<c>realpath</c>), to tell whether a link
/// leads out of a folder.
/// </summary>
internal readonly record struct LocalFileIdentity(ulong Device, ulong Inode, string? CanonicalPath)
{
    /// <summary>The identity of what <paramref name="path"/> leads to; null when it leads nowhere (a dangling link).</summary>
    public static LocalFileIdentity? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0) return null;
            var major = BitConverter.ToUInt32(buffer, 144);
            var minor = BitConverter.ToUInt32(buffer, 148);
            return new LocalFileIdentity(((ulong)major << 32) | minor, BitConverter.ToUInt64(buffer, 32), null);
        }
        return CanonicalPathOf(path) is { } canonical ? new LocalFileIdentity(0, 0, canonical) : null;
    }

    /// <summary>The absolute path with every link resolved, or null when it leads nowhere.</summary>
    public static string? CanonicalPathOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full) && !Directory.Exists(full)) return null;
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? full : Path.GetFullPath(target.FullName);
        }
        var resolved = RealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { Free(resolved); }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or under it (both canonical).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    // struct statx has the same layout on every Linux architecture: stx_ino at 32, stx_dev_major/minor at 144/148.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
