using System.Text;
using Shodo.Range.Serving;

namespace Shodo.Range.Tests.Hosting;

public sealed class AwsChunkedBodyTests
{
    [Fact]
    public void Decodes_signed_chunks_and_trailers_to_the_payload()
    {
        var wire = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=000\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        Assert.True(AwsChunkedBody.Applies("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", null));
        Assert.True(AwsChunkedBody.Applies(null, "aws-chunked"));
        Assert.False(AwsChunkedBody.Applies("UNSIGNED-PAYLOAD", null));
        Assert.Equal("hello world", Encoding.UTF8.GetString(AwsChunkedBody.Decode(Encoding.UTF8.GetBytes(wire))));
    }
}
