using System.Text;
using System.Text.RegularExpressions;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>
/// A string value with the Sigma wildcards <c>*</c> (any run of characters) and <c>?</c> (one
/// character). <c>\*</c>, <c>\?</c> and <c>\\</c> are the literal characters; a backslash before
/// anything else is a plain backslash. Compared with the whole field text, case-insensitively unless
/// <see cref="Cased"/> (the <c>cased</c> modifier).
/// </summary>
/// <summary>How a string's text becomes bytes before Base64 encoding.</summary>
public enum TextEncoding { Utf8, Utf16LE, Utf16BE, Utf16WithBom }

public sealed record SigmaString : SigmaValue
{
    private Func<string, bool>? _matcher;

    public SigmaString(IReadOnlyList<StringPart> parts, bool cased = false, string? original = null, TextEncoding encoding = TextEncoding.Utf8)
    {
        Parts = Normalise(parts);
        Cased = cased;
        Original = original ?? ToSigmaText(Parts);
        Encoding = encoding;
    }

    /// <summary>Literal text and wildcards, adjacent literals merged.</summary>
    public IReadOnlyList<StringPart> Parts { get; }

    public bool Cased { get; }

    /// <summary>How the text becomes bytes for <c>base64</c>/<c>base64offset</c> (set by <c>utf16le</c>, <c>utf16be</c>, <c>utf16</c>, <c>wide</c>).</summary>
    public TextEncoding Encoding { get; }

    /// <summary>The text as written in the rule (the <c>re</c> modifier uses it unparsed).</summary>
    public string Original { get; }

    public bool HasWildcards => Parts.Any(p => p is not LiteralPart);

    /// <summary>The text without wildcards (only meaningful when <see cref="HasWildcards"/> is false).</summary>
    public string Literal => string.Concat(Parts.OfType<LiteralPart>().Select(p => p.Text));

    public bool StartsWithWildcard => Parts.Count > 0 && Parts[0] is AnyCharactersPart;
    public bool EndsWithWildcard => Parts.Count > 0 && Parts[^1] is AnyCharactersPart;

    /// <summary>Parses rule text: wildcards and escapes.</summary>
    public static SigmaString Parse(string text)
    {
        var parts = new List<StringPart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '*' or '?' or '\\')
            {
                literal.Append(text[++i]);
            }
            else if (c is '*' or '?')
            {
                if (literal.Length > 0) { parts.Add(new LiteralPart(literal.ToString())); literal.Clear(); }
                parts.Add(c == '*' ? AnyCharactersPart.Instance : SingleCharacterPart.Instance);
            }
            else literal.Append(c);
        }
        if (literal.Length > 0) parts.Add(new LiteralPart(literal.ToString()));
        return new SigmaString(parts, original: text);
    }

    /// <summary>A string of literal text only.</summary>
    public static SigmaString FromLiteral(string text) => new([new LiteralPart(text)]);

    public SigmaString WithParts(IReadOnlyList<StringPart> parts) => new(parts, Cased, encoding: Encoding);
    public SigmaString AsCased() => new(Parts, true, Original, Encoding);
    public SigmaString WithEncoding(TextEncoding encoding) => new(Parts, Cased, Original, encoding);

    /// <summary>The literal text as bytes in <see cref="Encoding"/>.</summary>
    public byte[] LiteralBytes() => Encoding switch
    {
        TextEncoding.Utf16LE => System.Text.Encoding.Unicode.GetBytes(Literal),
        TextEncoding.Utf16BE => System.Text.Encoding.BigEndianUnicode.GetBytes(Literal),
        TextEncoding.Utf16WithBom => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(Literal)],
        _ => System.Text.Encoding.UTF8.GetBytes(Literal),
    };

    public SigmaString WithLeadingWildcard() =>
        StartsWithWildcard ? this : new([AnyCharactersPart.Instance, .. Parts], Cased, encoding: Encoding);

    public SigmaString WithTrailingWildcard() =>
        EndsWithWildcard ? this : new([.. Parts, AnyCharactersPart.Instance], Cased, encoding: Encoding);

    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context) =>
        Any(values, _matcher ??= BuildMatcher());

    /// <summary>True when <paramref name="text"/> as a whole matches this pattern.</summary>
    public bool IsMatch(string text) => (_matcher ??= BuildMatcher())(text);

    private Func<string, bool> BuildMatcher()
    {
        var comparison = Cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        switch (Parts)
        {
            case []: return t => t.Length == 0;
            case [LiteralPart l]: return t => string.Equals(t, l.Text, comparison);
            case [AnyCharactersPart]: return _ => true;
            case [LiteralPart l, AnyCharactersPart]: return t => t.StartsWith(l.Text, comparison);
            case [AnyCharactersPart, LiteralPart l]: return t => t.EndsWith(l.Text, comparison);
            case [AnyCharactersPart, LiteralPart l, AnyCharactersPart]: return t => t.Contains(l.Text, comparison);
        }
        var pattern = new StringBuilder("^");
        foreach (var part in Parts)
            pattern.Append(part switch
            {
                LiteralPart l => Regex.Escape(l.Text),
                AnyCharactersPart => ".*",
                _ => ".",
            });
        pattern.Append('$');
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        if (!Cased) options |= RegexOptions.IgnoreCase;
        var regex = new Regex(pattern.ToString(), options);
        return regex.IsMatch;
    }

    private static List<StringPart> Normalise(IReadOnlyList<StringPart> parts)
    {
        var result = new List<StringPart>();
        foreach (var part in parts)
        {
            if (part is LiteralPart { Text.Length: 0 }) continue;
            if (part is LiteralPart next && result is [.., LiteralPart previous])
                result[^1] = new LiteralPart(previous.Text + next.Text);
            else if (part is AnyCharactersPart && result is [.., AnyCharactersPart]) continue;
            else result.Add(part);
        }
        return result;
    }

    private static string ToSigmaText(IEnumerable<StringPart> parts) => string.Concat(parts.Select(p => p switch
    {
        LiteralPart l => l.Text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?"),
        AnyCharactersPart => "*",
        _ => "?",
    }));

    /// <summary>Equal when the same pattern (parts), case sensitivity and encoding.</summary>
    public bool Equals(SigmaString? other) =>
        other is not null && Cased == other.Cased && Encoding == other.Encoding && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Cased);
        hash.Add(Encoding);
        foreach (var part in Parts) hash.Add(part);
        return hash.ToHashCode();
    }

    public override string ToString() => Original;
}
