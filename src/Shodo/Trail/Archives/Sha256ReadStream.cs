using System.Security.Cryptography;

namespace Shodo.Trail.Archives;

/// <summary>
/// Reads through to another stream and hashes (SHA-256) every byte read, so a log file's content is hashed
/// while it is parsed — one pass, as the digest check needs the hash of the uncompressed file.
/// </summary>
internal sealed class Sha256ReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Bytes read (and hashed) so far.</summary>
    public long Count { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>True once reading failed (a broken connection, a corrupt gzip): the hash is of part of the file only.</summary>
    public bool Faulted { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try { n = inner.Read(buffer); }
        catch
        {
            Faulted = true;
            throw;
        }
        _sha.AppendData(buffer[..n]);
        Count += n;
        return n;
    }

    /// <summary>
    /// Reads what the parser left unread (it stops at the first content it refuses) so the hash covers the whole
    /// file; false when the file goes on past <paramref name="limit"/> bytes or could not be read to its end, and its
    /// hash is not known.
    /// </summary>
    public bool ReadToEnd(long limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (Count <= limit && !Faulted)
        {
            ct.ThrowIfCancellationRequested();
            if (Read(buffer) == 0) return true;
        }
        return false;
    }

    /// <summary>The SHA-256 of the bytes read.</summary>
    public byte[] Hash() => _sha.GetHashAndReset();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
