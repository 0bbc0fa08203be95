using System.Security.Cryptography;

namespace Shodo.Cases;

/// <summary>SHA-256 as lower-case hex, the form every hash in a case is written in.</summary>
public static class ContentHash
{
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsSha256(string? text) =>
        text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
