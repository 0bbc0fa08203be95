using System.Globalization;
using System.Text;
using Shodo.Sigma;
using Shodo.Sigma.Conditions;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Matching;
using Shodo.Sigma.Values;

namespace Shodo.Hunting.Jq;

/// <summary>
/// Compiles Sigma rules to one jq filter with the local engine's meaning: field paths crossing arrays
/// (any value may match), values case-insensitive unless <c>cased</c> (ASCII case folding, as jq's
/// <c>ascii_downcase</c>), wildcards as anchored regular expressions, <c>null</c> as a missing or null
/// field, numbers and booleans compared by their text, keywords over every string, number and boolean
/// of the record. A rule it cannot express is listed with the reason, never dropped silently.
/// </summary>
public sealed class SigmaJqCompiler
{
    public JqCompilation Compile(IEnumerable<SigmaRule> rules)
    {
        var compiled = new List<(SigmaRule Rule, string Predicate)>();
        var rejected = new List<(SigmaRule, string)>();
        foreach (var rule in rules)
        {
            try { compiled.Add((rule, Predicate(rule))); }
            catch (JqUnsupportedException e) { rejected.Add((rule, e.Message)); }
        }
        var filter = new StringBuilder(JqPrelude.Text);
        filter.Append("_records | select(type == \"object\")\n| (.eventName | if type == \"string\" then ascii_downcase else null end) as $name\n| [\n");
        filter.Append(string.Join(",\n", compiled.Select(c => $"  (if {Guard(c.Rule)}{c.Predicate} then {JqText.Quote(c.Rule.Id)} else empty end)")));
        filter.Append("\n  ] as $m\n| select($m | length > 0)\n| {rules: $m, record: .}\n");
        return new JqCompilation(filter.ToString(), compiled.Select(c => c.Rule).ToList(), rejected);
    }

    /// <summary>
    /// The local engine's index in jq: a rule whose condition requires one of some plain eventName values
    /// is only evaluated on records with one of them (or without a string eventName), so most records
    /// skip most rules after a few string comparisons.
    /// </summary>
    private static string Guard(SigmaRule rule)
    {
        if (EventNameIndex.PossibleNames(rule) is not { } names) return "";
        return "($name == null or " + string.Join(" or ", names.Select(n => $"$name == {JqText.Quote(AsciiLower(n))}")) + ") and ";
    }

    /// <summary>The rule's condition as one jq boolean expression over the record (<c>.</c>).</summary>
    public string Predicate(SigmaRule rule)
    {
        if (rule.Detection.Timeframe is not null) throw new JqUnsupportedException("rules with a timeframe are not compiled");
        return Condition(rule.Detection.Condition, rule.Detection);
    }

    private string Condition(ConditionNode node, SigmaDetection detection) => node switch
    {
        ConditionIdentifier id => Search(detection.Searches[id.Name]),
        ConditionAnd and => Join(" and ", and.Operands.Select(o => Condition(o, detection)), "true"),
        ConditionOr or => Join(" or ", or.Operands.Select(o => Condition(o, detection)), "false"),
        ConditionNot not => $"({Condition(not.Operand, detection)} | not)",
        ConditionSelector { IsAll: true } all => Join(" and ", all.Identifiers.Select(i => Search(detection.Searches[i])), "true"),
        ConditionSelector { Count: 1 } one => Join(" or ", one.Identifiers.Select(i => Search(detection.Searches[i])), "false"),
        ConditionSelector some => $"([{string.Join(", ", some.Identifiers.Select(i => Search(detection.Searches[i])))}] | map(select(.)) | length >= {some.Count})",
        _ => throw new JqUnsupportedException($"condition {node} is not compiled"),
    };

    private static string Join(string op, IEnumerable<string> parts, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : "(" + string.Join(op, list) + ")";
    }

    private string Search(DetectionNode node) => node switch
    {
        DetectionAllOf all => Join(" and ", all.Items.Select(Search), "true"),
        DetectionAnyOf any => Join(" or ", any.Items.Select(Search), "false"),
        FieldDetection field => Values(Field(field.Field.Segments), field.Values, field.MatchAll),
        KeywordDetection keywords => Values("_leaves", keywords.Values, keywords.MatchAll),
        _ => throw new JqUnsupportedException($"detection {node.GetType().Name} is not compiled"),
    };

    /// <summary>The stream of values at a field path (a one-segment path without the generic walk: the record is an object).</summary>
    private static string Field(IReadOnlyList<string> segments) => segments.Count == 1
        ? $"(if has({JqText.Quote(segments[0])}) then .[{JqText.Quote(segments[0])}] | _fin else empty end)"
        : $"_walk([{string.Join(", ", segments.Select(JqText.Quote))}]; 0)";

    private string Values(string stream, IReadOnlyList<SigmaValue> values, bool matchAll)
    {
        if (values.Count == 0) return "false";
        return "(" + string.Join(matchAll ? " and " : " or ", values.Select(v => Value(stream, v))) + ")";
    }

    /// <summary>One rule value against a stream of record values: true when any of them matches.</summary>
    private string Value(string stream, SigmaValue value) => value switch
    {
        SigmaNull => $"([{stream}] | length == 0 or any(.[]; . == null))",
        SigmaExists e => e.Exists ? $"any({stream}; . != null)" : $"(any({stream}; . != null) | not)",
        SigmaExpansion x => "(" + string.Join(" or ", x.Alternatives.Select(a => Value(stream, a))) + ")",
        SigmaFieldRef r => $"([{Field(r.Field.Segments)} | _t | select(. != null)] as $ref | any({stream} | _t | select(. != null); . as $v | any($ref[]; {Reference(r)})))",
        _ => $"any({stream} | _t | select(. != null); {Test(value)})",
    };

    /// <summary><c>fieldref</c>: <c>$v</c> (the field's text) against <c>.</c> (the other field's text).</summary>
    private static string Reference(SigmaFieldRef r)
    {
        var (value, other) = r.Cased ? ("$v", ".") : ("($v | ascii_downcase)", "ascii_downcase");
        return r.Comparison switch
        {
            FieldRefComparison.StartsWith => $"({other}) as $o | {value} | startswith($o)",
            FieldRefComparison.EndsWith => $"({other}) as $o | {value} | endswith($o)",
            FieldRefComparison.Contains => $"({other}) as $o | {value} | contains($o)",
            _ => $"({other}) as $o | {value} == $o",
        };
    }

    /// <summary>A test on one text (<c>.</c>, a string).</summary>
    private static string Test(SigmaValue value) => value switch
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
    private static string AsciiLower(string text) => string.Create(text.Length, text, (span, t) =>
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
