namespace Shodo.Tests.Archives;

/// <summary>A stream that hands out at most a few bytes per read, to cross every buffer boundary.</summary>
public sealed class TrickleStream(byte[] data, int maxChunk) : Stream
{
    private int _position;
    private readonly Random _random = new(7);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => data.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, _random.Next(1, maxChunk + 1)), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
