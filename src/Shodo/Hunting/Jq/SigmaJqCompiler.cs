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
        return "($name == null or " + string.Join(" or ", names.Select(n => $"$name == {JqText.Quote(JqValueTest.AsciiLower(n))}")) + ") and ";
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
        _ => $"any({stream} | _t | select(. != null); {JqValueTest.Test(value)})",
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
}
