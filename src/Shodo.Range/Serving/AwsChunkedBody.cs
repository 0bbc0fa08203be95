using System.Text;

namespace Shodo.Range.Serving;

/// <summary>
/// Decodes the aws-chunked content encoding that SDKs use for streaming S3 uploads
/// (x-amz-content-sha256: STREAMING-...): <c>hex-size[;chunk-signature=...]\r\n data \r\n</c> ...
/// then a zero-size chunk and optional trailers (checksums). Chunk signatures are not verified;
/// the seed signature of the request is.
/// </summary>
public static class AwsChunkedBody
{
    public static bool Applies(string? contentSha256, string? contentEncoding) =>
        contentSha256?.StartsWith("STREAMING-", StringComparison.Ordinal) == true
        || contentEncoding?.Contains("aws-chunked", StringComparison.OrdinalIgnoreCase) == true;

    public static byte[] Decode(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = IndexOfCrLf(body, position);
            if (lineEnd < 0) break;
            var header = Encoding.ASCII.GetString(body, position, lineEnd - position);
            var sizeText = header.Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size))
                throw AwsError.InvalidParameterValue("Malformed aws-chunked body.");
            position = lineEnd + 2;
            if (size == 0) break;
            if (position + size > body.Length) throw AwsError.InvalidParameterValue("Truncated aws-chunked body.");
            output.Write(body, position, size);
            position += size + 2;
        }
        return output.ToArray();
    }

    private static int IndexOfCrLf(byte[] data, int from)
    {
        for (var i = from; i + 1 < data.Length; i++)
            if (data[i] == '\r' && data[i + 1] == '\n') return i;
        return -1;
    }
}
