using System.Security.Cryptography;

namespace Shodo.Range.State.S3;

/// <summary>One stored object: its bytes and the metadata S3 returns with it.</summary>
public sealed class S3Object(string key, byte[] body, string contentType, DateTimeOffset lastModified)
{
    public string Key { get; } = key;
    public byte[] Body { get; } = body;
    public string ContentType { get; } = contentType;
    public DateTimeOffset LastModified { get; } = lastModified;
    /// <summary>The MD5 of the body in quotes, as S3 returns it for single-part uploads.</summary>
    public string ETag { get; } = "\"" + Convert.ToHexStringLower(MD5.HashData(body)) + "\"";
    public Dictionary<string, string> Metadata { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    public long Size => Body.LongLength;
}
