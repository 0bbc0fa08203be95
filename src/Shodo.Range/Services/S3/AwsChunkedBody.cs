using System.Text;

namespace Shodo.Range.Services.S3;

/// <summary>
/// Decodes the aws-chunked content encoding the AWS CLI and SDKs use for uploads
/// (x-amz-content-sha256 STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER] or STREAMING-UNSIGNED-PAYLOAD-TRAILER):
/// chunks of <c>hex-size[;chunk-signature=...]\r\n data \r\n</c>, a zero-size chunk, then optional
/// trailer lines such as <c>x-amz-checksum-crc32:...</c>.
/// </summary>
public static class AwsChunkedBody
{
    public static bool IsChunked(string? contentSha256, string? contentEncoding) =>
        (contentSha256?.StartsWith("STREAMING-", StringComparison.Ordinal) ?? false)
        || (contentEncoding?.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase) ?? false);

    public static (byte[] Data, Dictionary<string, string> Trailers) Decode(byte[] body)
    {
        var data = new MemoryStream();
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pos = 0;
        while (true)
        {
            var header = ReadLine(body, ref pos) ?? throw Malformed();
            var sizeText = header.Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
                throw Malformed();
            if (size == 0) break;
            if (pos + size > body.Length) throw Malformed();
            data.Write(body, pos, size);
            pos += size;
            if (ReadLine(body, ref pos) is not "") throw Malformed();
        }
        while (ReadLine(body, ref pos) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':');
            if (colon > 0) trailers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return (data.ToArray(), trailers);
    }

    private static string? ReadLine(byte[] body, ref int pos)
    {
        if (pos >= body.Length) return null;
        var end = pos;
        while (end < body.Length && body[end] != '\n') end++;
        var line = Encoding.ASCII.GetString(body, pos, end - pos).TrimEnd('\r');
        pos = Math.Min(end + 1, body.Length);
        return line;
    }

    private static FormatException Malformed() => new("Malformed aws-chunked body");
}
