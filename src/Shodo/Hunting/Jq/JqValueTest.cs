using System.Globalization;
using Shodo.Sigma.Values;

namespace Shodo.Hunting.Jq;

/// <summary>
/// One rule value as a jq test on one text (<c>.</c>, a string): the local engine's string, number,
/// boolean, comparison, regex and network matching, spelled in jq.
/// </summary>
internal static class JqValueTest
{
    /// <summary>A test on one text (<c>.</c>, a string).</summary>
    public static string Test(SigmaValue value) => value switch
    {
        SigmaString s => Text(s),
        SigmaBool b => $"ascii_downcase == {(b.Value ? "\"true\"" : "\"false\"")}",
        SigmaNumber n => $"(ascii_downcase == {JqText.Quote(n.Text.ToLowerInvariant())} or ((try tonumber catch null) == {Number(n.Value)}))",
        SigmaCompare c => $"((try tonumber catch null) as $n | $n != null and $n {Operator(c.Operator)} {Number(c.Value)})",
        SigmaRegex r => $"test({JqText.Quote(Flags(r) + r.Pattern)})",
        SigmaCidr c => Cidr(c),
        _ => throw new JqUnsupportedException($"value {value} ({value.GetType().Name}) is not compiled"),
    };

    /// <summary>
    /// <c>cidr</c>: the text parsed as an address of the network's family and its first prefix-length
    /// bits compared (an IPv4 network also holds IPv4-mapped IPv6 addresses, as in the local engine).
    /// Addresses are dotted-quad IPv4 and IPv6 text (with <c>::</c>, an IPv4 tail, a zone).
    /// </summary>
    private static string Cidr(SigmaCidr cidr)
    {
        var bytes = cidr.Network.BaseAddress.GetAddressBytes();
        var prefix = cidr.Network.PrefixLength;
        if (bytes.Length == 4)
        {
            var divisor = Math.Pow(2, 32 - prefix);
            var network = Math.Floor(((long)bytes[0] << 24 | (long)bytes[1] << 16 | (long)bytes[2] << 8 | bytes[3]) / divisor);
            return $"(_ipv4any | . != null and (((.[0] * 16777216 + .[1] * 65536 + .[2] * 256 + .[3]) / {Number((decimal)divisor)} | floor) == {Number((decimal)network)}))";
        }
        // As .NET's IPNetwork.Contains: an IPv4-mapped address is in no IPv6 network but ::/0.
        var tests = new List<string> { ". != null" };
        if (prefix > 0) tests.Add("(.[0:6] == [0, 0, 0, 0, 0, 65535] | not)");
        for (var i = 0; i < 8 && prefix > 0; i++, prefix -= 16)
        {
            var group = bytes[2 * i] << 8 | bytes[2 * i + 1];
            tests.Add(prefix >= 16
                ? $".[{i}] == {group}"
                : $"(.[{i}] / {1 << (16 - prefix)} | floor) == {group >> (16 - prefix)}");
        }
        return $"(_ipv6 | {string.Join(" and ", tests)})";
    }

    private static string Text(SigmaString s)
    {
        var subject = s.Cased ? "" : "ascii_downcase | ";
        string Lower(string t) => s.Cased ? t : AsciiLower(t);
        switch (s.Parts)
        {
            case []: return ". == \"\"";
            case [LiteralPart l]: return $"{subject}. == {JqText.Quote(Lower(l.Text))}";
            case [AnyCharactersPart]: return "true";
            case [LiteralPart l, AnyCharactersPart]: return $"{subject}startswith({JqText.Quote(Lower(l.Text))})";
            case [AnyCharactersPart, LiteralPart l]: return $"{subject}endswith({JqText.Quote(Lower(l.Text))})";
            case [AnyCharactersPart, LiteralPart l, AnyCharactersPart]: return $"{subject}contains({JqText.Quote(Lower(l.Text))})";
        }
        var pattern = "\\A" + string.Concat(s.Parts.Select(p => p switch
        {
            LiteralPart l => JqText.RegexLiteral(Lower(l.Text)),
            AnyCharactersPart => "[\\s\\S]*",
            _ => "[\\s\\S]",
        })) + "\\z";
        return $"{subject}test({JqText.Quote(pattern)})";
    }

    /// <summary>Lower-cases ASCII letters only, as jq's <c>ascii_downcase</c> does.</summary>
    public static string AsciiLower(string text) => string.Create(text.Length, text, (span, t) =>
    {
        for (var i = 0; i < t.Length; i++) span[i] = char.IsAsciiLetterUpper(t[i]) ? (char)(t[i] + 32) : t[i];
    });

    private static string Flags(SigmaRegex r)
    {
        var flags = (r.IgnoreCase ? "i" : "") + (r.Multiline ? "m" : "") + (r.DotAll ? "s" : "");
        return flags.Length == 0 ? "" : $"(?{flags})";
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Operator(CompareOperator op) => op switch
    {
        CompareOperator.LessThan => "<",
        CompareOperator.LessThanOrEqual => "<=",
        CompareOperator.GreaterThan => ">",
        _ => ">=",
    };
}
