using System.Text;
using System.Text.Json.Nodes;

namespace Shodo.Cases.Redaction;

/// <summary>
/// Removes secrets (secret access keys, session tokens, passwords, private keys) from anything
/// before it is written to a case: API responses and events (JSON, XML, text), journal data and
/// free-text reasons. Secrets become <see cref="Marker"/>; everything else is kept byte for byte.
/// </summary>
public sealed class Redactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Marker = "[REDACTED]";

    private readonly TextRedaction _text;
    private readonly JsonRedaction _json;

    public Redactor(IReadOnlyList<IRedactionRule> rules)
    {
        _text = new TextRedaction(rules);
        var keys = rules.SelectMany(r => r.SecretFields).Select(SecretFields.Normalize).ToHashSet(StringComparer.Ordinal);
        _json = new JsonRedaction(keys, RedactString);
    }

    /// <summary>Every rule in <see cref="RedactionRules.All"/>.</summary>
    public static Redactor Default { get; } = new(RedactionRules.All);

    /// <summary>
    /// Redacts raw content: as JSON when it parses as JSON (or JSON Lines), otherwise as text. Bytes
    /// that are not valid UTF-8 are kept as they are (text patterns are matched byte for byte).
    /// </summary>
    public Redacted<byte[]> Redact(ReadOnlySpan<byte> content)
    {
        var body = content.StartsWith("\uFEFF"u8) ? content[3..] : content;
        var first = body.TrimStart(" \t\r\n"u8);
        if (first.Length > 0 && first[0] is (byte)'{' or (byte)'[' && _json.TryRedact(content, out var json))
            return json;
        var text = _text.Redact(Encoding.Latin1.GetString(content));
        return text.Count == 0 ? new(content.ToArray(), 0) : new(Encoding.Latin1.GetBytes(text.Value), text.Count);
    }

    /// <summary>Redacts a string: as JSON when it holds JSON, otherwise as text.</summary>
    public Redacted<string> RedactText(string text) => RedactString(text);

    /// <summary>
    /// Redacts a JSON value (journal data, evidence parameters). Never returns it unredacted: JSON the
    /// structural pass cannot read is redacted as text, and if that is no longer JSON, this throws.
    /// </summary>
    public Redacted<JsonNode?> Redact(JsonNode? node)
    {
        if (node is null) return new(null, 0);
        var json = node.ToJsonString();
        if (_json.TryRedact(Encoding.UTF8.GetBytes(json), out var r))
            return r.Count == 0 ? new(node.DeepClone(), 0) : new(JsonNode.Parse(r.Value, documentOptions: CanonicalJson.DocumentOptions), r.Count);
        var text = _text.Redact(json);
        return new(JsonNode.Parse(text.Value, documentOptions: CanonicalJson.DocumentOptions), text.Count);
    }

    private Redacted<string> RedactString(string s)
    {
        var trimmed = s.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && _json.TryRedact(Encoding.UTF8.GetBytes(s), out var nested))
            return nested.Count == 0 ? new(s, 0) : new(Encoding.UTF8.GetString(nested.Value), nested.Count);
        return _text.Redact(s);
    }
}
