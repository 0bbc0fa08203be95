using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// The journal key: a secret the organisation configures outside the case (the
/// <c>SHODO_JOURNAL_KEY</c> environment variable). When it is set, every journal entry carries
/// <c>mac</c>, the HMAC-SHA256 of its canonical encoding without <c>mac</c> and <c>hash</c>; the
/// <c>hash</c> covers the <c>mac</c>. Someone who can write the case folder but does not hold the key
/// can rewrite the chain and recompute every hash, but cannot make the MACs, so
/// <c>shodo case verify</c> with the key proves the chain up to the last entry with a valid MAC. The
/// key itself is never written anywhere.
/// </summary>
public sealed class JournalKey
{
    public const string EnvironmentVariable = "SHODO_JOURNAL_KEY";
    public const int MinimumLength = 16;

    private readonly byte[] _key;

    public JournalKey(string secret)
    {
        if (secret.Length < MinimumLength)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("JournalKeyTooShort", EnvironmentVariable, MinimumLength)));
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The key from <see cref="EnvironmentVariable"/>, or null when it is not set.</summary>
    public static JournalKey? From(Func<string, string?> variable) =>
        variable(EnvironmentVariable) is { Length: > 0 } secret ? new JournalKey(secret) : null;

    /// <summary>The MAC of an entry: HMAC-SHA256 (lower-case hex) of its canonical encoding without <c>mac</c> and <c>hash</c>.</summary>
    public string Mac(JsonObject entry)
    {
        var body = entry.DeepClone().AsObject();
        body.Remove("hash");
        body.Remove("mac");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, CanonicalJson.Encode(body)));
    }

    /// <summary>Whether the entry's <c>mac</c> is the one this key makes (compared in constant time).</summary>
    public bool Made(JsonObject entry, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(entry)), Encoding.ASCII.GetBytes(mac));
}
