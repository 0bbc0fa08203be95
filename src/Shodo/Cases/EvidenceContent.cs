using System.IO.Compression;

namespace Shodo.Cases;

/// <summary>
/// Gives the redactor the bytes it can read: gzip content (CloudTrail log files, compressed S3
/// objects) is decoded first, since secrets inside compressed bytes cannot be found or removed. The
/// decoded form is what is stored, and the record says it arrived as <c>gzip</c>. Content that would
/// decode to more than <see cref="MaxDecodedBytes"/> (a decompression bomb) is kept as it came.
/// </summary>
internal static class EvidenceContent
{
    public const long MaxDecodedBytes = 1L << 30;

    public static (byte[] Bytes, string? Encoding) Decode(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.Length < 18 || span[0] != 0x1f || span[1] != 0x8b || span[2] != 8) return (span.ToArray(), null);
        try
        {
            using var gzip = new GZipStream(new MemoryStream(span.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxDecodedBytes) return (span.ToArray(), null);
                output.Write(buffer, 0, read);
            }
            return (output.ToArray(), "gzip");
        }
        catch (InvalidDataException)
        {
            return (span.ToArray(), null);
        }
    }
}
