using System.Text;
using Shodo.Range.Services.S3;

namespace Shodo.Range.Tests.S3;

public sealed class AwsChunkedBodyTests
{
    [Fact]
    public void Signed_chunks_are_joined_and_the_checksum_trailer_is_read()
    {
        var body = Encoding.ASCII.GetBytes(
            "5;chunk-signature=aaaa\r\nhello\r\n" +
            "6;chunk-signature=bbbb\r\n world\r\n" +
            "0;chunk-signature=cccc\r\n" +
            "x-amz-checksum-crc32:DUoRhQ==\r\n" +
            "x-amz-trailer-signature:dddd\r\n\r\n");
        var (data, trailers) = AwsChunkedBody.Decode(body);
        Assert.Equal("hello world", Encoding.ASCII.GetString(data));
        Assert.Equal("DUoRhQ==", trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public void Unsigned_chunks_with_binary_data_decode()
    {
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var body = Encoding.ASCII.GetBytes("12c\r\n").Concat(payload).Concat(Encoding.ASCII.GetBytes("\r\n0\r\n\r\n")).ToArray();
        Assert.Equal(payload, AwsChunkedBody.Decode(body).Data);
        Assert.True(AwsChunkedBody.IsChunked("STREAMING-UNSIGNED-PAYLOAD-TRAILER", null));
        Assert.True(AwsChunkedBody.IsChunked(null, "aws-chunked,gzip"));
        Assert.False(AwsChunkedBody.IsChunked("UNSIGNED-PAYLOAD", null));
    }

    [Fact]
    public void A_truncated_body_is_refused()
    {
        Assert.Throws<FormatException>(() => AwsChunkedBody.Decode(Encoding.ASCII.GetBytes("a\r\nshort")));
    }
}
