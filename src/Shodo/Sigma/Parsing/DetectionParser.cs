using Shodo.Sigma.Conditions;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Matching;
using Shodo.Sigma.Modifiers;
using Shodo.Sigma.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shodo.Sigma.Parsing;

/// <summary>Reads a rule's <c>detection:</c> section into the typed tree.</summary>
internal sealed class DetectionParser(ModifierContext modifiers)
{
    private static readonly string[] Reserved = ["condition", "timeframe"];

    /// <summary>The parsed detection, or null with <paramref name="aggregation"/> set when the condition aggregates.</summary>
    public SigmaDetection? Parse(YamlMappingNode detection, int line, out string? aggregation, out int aggregationLine)
    {
        aggregation = null;
        aggregationLine = line;
        var searches = new Dictionary<string, DetectionNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in detection.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (Reserved.Contains(name)) continue;
            searches[name] = ParseSearch(value, name);
        }
        if (searches.Count == 0)
            throw new RuleFormatException(line, "the detection has no search identifiers");

        var conditionNode = YamlNodes.Child(detection, "condition")
            ?? throw new RuleFormatException(line, "the detection has no 'condition'");
        var texts = conditionNode switch
        {
            YamlScalarNode s when !YamlNodes.IsNull(s) => [s.Value!],
            YamlSequenceNode seq when seq.Children.Count > 0 => seq.Children.Select(c => (c as YamlScalarNode)?.Value
                ?? throw new RuleFormatException(YamlNodes.Line(c), "each condition must be a single expression")).ToList(),
            _ => throw new RuleFormatException(YamlNodes.Line(conditionNode), "'condition' must be an expression or a list of expressions"),
        };
        if (texts.FirstOrDefault(ConditionParser.HasAggregation) is { } aggregating)
        {
            aggregation = aggregating;
            aggregationLine = YamlNodes.Line(conditionNode);
            return null;
        }
        var conditions = new List<ConditionNode>();
        foreach (var text in texts)
        {
            try { conditions.Add(ConditionParser.Parse(text, searches.Keys)); }
            catch (FormatException e) { throw new RuleFormatException(YamlNodes.Line(conditionNode), $"condition: {e.Message}"); }
        }
        var timeframe = YamlNodes.Text(detection, "timeframe");
        return new SigmaDetection(searches, conditions.Count == 1 ? conditions[0] : new ConditionOr(conditions), timeframe);
    }

    private DetectionNode ParseSearch(YamlNode node, string name) => node switch
    {
        YamlMappingNode map => ParseMap(map, name),
        YamlSequenceNode seq when seq.Children.Count == 0 => throw new RuleFormatException(YamlNodes.Line(seq), $"'{name}' is an empty list"),
        YamlSequenceNode seq when seq.Children.All(c => c is YamlScalarNode) => Keywords(seq.Children, [], seq),
        YamlSequenceNode seq => new DetectionAnyOf(seq.Children.Select(c => c switch
        {
            YamlMappingNode m => ParseMap(m, name),
            YamlScalarNode s => Keywords([s], [], s),
            _ => throw new RuleFormatException(YamlNodes.Line(c), $"'{name}' may list maps or keywords, not nested lists"),
        }).ToList()) { Line = YamlNodes.Line(seq) },
        YamlScalarNode s when !YamlNodes.IsNull(s) => Keywords([s], [], s),
        _ => throw new RuleFormatException(YamlNodes.Line(node), $"'{name}' is empty"),
    };

    private DetectionNode ParseMap(YamlMappingNode map, string name)
    {
        if (map.Children.Count == 0) throw new RuleFormatException(YamlNodes.Line(map), $"'{name}' is an empty map");
        var items = map.Children.Select(kv => ParseItem((YamlScalarNode)kv.Key, kv.Value)).ToList();
        return items.Count == 1 ? items[0] : new DetectionAllOf(items) { Line = YamlNodes.Line(map) };
    }

    private DetectionNode ParseItem(YamlScalarNode key, YamlNode value)
    {
        var parts = (key.Value ?? "").Split('|');
        var field = parts[0];
        var names = parts.Skip(1).ToList();
        var valueNodes = value switch
        {
            YamlScalarNode s => [s],
            YamlSequenceNode { Children.Count: 0 } seq => throw new RuleFormatException(YamlNodes.Line(seq), $"'{key.Value}' has an empty list of values"),
            YamlSequenceNode seq => seq.Children.Select(c => c as YamlScalarNode
                ?? throw new RuleFormatException(YamlNodes.Line(c), $"'{key.Value}' must list plain values")).ToList(),
            _ => throw new RuleFormatException(YamlNodes.Line(value), $"'{key.Value}' must have a value or a list of values, not a map"),
        };
        if (field.Length == 0) return Keywords(valueNodes, names, key);

        var (values, matchAll) = ApplyModifiers(valueNodes.Select(ParseValue).ToList(), names, key);
        return new FieldDetection(new FieldPath(field), names, values, matchAll) { Line = YamlNodes.Line(key) };
    }

    private KeywordDetection Keywords(IEnumerable<YamlNode> nodes, IReadOnlyList<string> names, YamlNode at)
    {
        var parsed = nodes.Select(n => ParseValue((YamlScalarNode)n)).Select(v => v switch
        {
            SigmaString s => s.WithLeadingWildcard().WithTrailingWildcard(),
            SigmaNumber or SigmaBool => SigmaString.FromLiteral(v.ToString()!).WithLeadingWildcard().WithTrailingWildcard(),
            _ => v,
        }).ToList();
        var (values, matchAll) = ApplyModifiers(parsed, names, at);
        return new KeywordDetection(names, values, matchAll) { Line = YamlNodes.Line(at) };
    }

    private (List<SigmaValue> Values, bool MatchAll) ApplyModifiers(List<SigmaValue> values, IReadOnlyList<string> names, YamlNode at)
    {
        var options = new DetectionItemOptions();
        foreach (var name in names)
        {
            if (!SigmaModifierRegistry.TryGet(name, out var modifier))
                throw new RuleFormatException(YamlNodes.Line(at), $"unknown modifier '{name}'");
            modifier.Configure(options);
            try { values = values.Select(v => modifier.Apply(v, modifiers)).ToList(); }
            catch (SigmaModifierException e) { throw new RuleFormatException(YamlNodes.Line(at), e.Message); }
        }
        if (values.Any(Encoded))
            throw new RuleFormatException(YamlNodes.Line(at), "the utf16le, utf16be, utf16 and wide modifiers must be followed by base64 or base64offset");
        return (values, options.MatchAll);
    }

    private static bool Encoded(SigmaValue value) => value switch
    {
        SigmaString s => s.Encoding != TextEncoding.Utf8,
        SigmaExpansion e => e.Alternatives.Any(Encoded),
        _ => false,
    };

    /// <summary>A YAML scalar as a rule value: plain null/true/false/numbers keep their type; everything else is a string.</summary>
    internal static SigmaValue ParseValue(YamlScalarNode node)
    {
        if (YamlNodes.IsNull(node)) return SigmaNull.Instance;
        var text = node.Value ?? "";
        if (node.Style == ScalarStyle.Plain)
        {
            if (text is "true" or "True" or "TRUE") return new SigmaBool(true);
            if (text is "false" or "False" or "FALSE") return new SigmaBool(false);
            if (IsNumber(text) && SigmaNumber.TryParse(text, out var number)) return new SigmaNumber(number, text);
        }
        return SigmaString.Parse(text);
    }

    private static bool IsNumber(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or '.' or 'e' or 'E') && char.IsAsciiDigit(text[^1]);
}
