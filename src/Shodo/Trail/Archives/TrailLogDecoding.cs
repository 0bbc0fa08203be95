using System.IO.Compression;

namespace Shodo.Trail.Archives;

/// <summary>Opens a stored log file for reading as JSON: gunzips it when its first bytes are the gzip magic.</summary>
public static class TrailLogDecoding
{
    public static Stream Decode(Stream stored)
    {
        var head = new byte[2];
        var n = 0;
        while (n < 2)
        {
            var read = stored.Read(head, n, 2 - n);
            if (read == 0) break;
            n += read;
        }
        Stream whole = new PrefixedStream(head.AsMemory(0, n), stored);
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    /// <summary>The bytes already read from the head of a stream, then the rest of it.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
