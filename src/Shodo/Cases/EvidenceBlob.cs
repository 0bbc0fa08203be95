using System.IO.Compression;

namespace Shodo.Cases;

/// <summary>The gzip form evidence is kept in on disk.</summary>
internal static class EvidenceBlob
{
    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    /// <summary>Decompresses a blob; throws <see cref="InvalidDataException"/> when it is not valid gzip.</summary>
    public static byte[] Decompress(byte[] blob)
    {
        using var input = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
