using System.Collections.Concurrent;

namespace Shodo.Escalation.Settings;

/// <summary>
/// Every secret the escalation configuration resolved (webhook URLs, routing keys, HMAC keys, SMTP
/// passwords). Anything escalation writes to the journal or the console passes through
/// <see cref="Scrub"/> first, so a secret that slipped into an error text is replaced, whatever the
/// case journal's own redaction would catch.
/// </summary>
public sealed class SecretValues
{
    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 4) _values.TryAdd(secret, 0);
    }

    public int Count => _values.Count;

    public string Scrub(string text)
    {
        foreach (var secret in _values.Keys.OrderByDescending(s => s.Length))
            if (text.Contains(secret, StringComparison.Ordinal))
                text = text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);
        return text;
    }
}
