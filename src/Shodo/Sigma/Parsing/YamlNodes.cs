using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Shodo.Sigma.Parsing;

/// <summary>Small readers over YamlDotNet nodes that fail with the node's line.</summary>
internal static class YamlNodes
{
    public static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>The line of <paramref name="key"/> itself (the value of a map starts on the next line).</summary>
    public static int KeyLine(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key) is { } node ? Line(node) : Line(map);

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        return node switch
        {
            null => null,
            YamlScalarNode s => IsNull(s) ? null : s.Value,
            _ => throw new RuleFormatException(Line(node), $"'{key}' must be a single value"),
        };
    }

    /// <summary>A list of strings; a single value counts as a list of one.</summary>
    public static IReadOnlyList<string> TextList(YamlMappingNode map, string key)
    {
        var node = Child(map, key);
        return node switch
        {
            null => [],
            YamlScalarNode s => IsNull(s) ? [] : [s.Value!],
            YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode s ? s.Value ?? ""
                : throw new RuleFormatException(Line(c), $"'{key}' must be a list of values")).ToList(),
            _ => throw new RuleFormatException(Line(node), $"'{key}' must be a list of values"),
        };
    }

    public static bool IsNull(YamlScalarNode node) =>
        node.Style == ScalarStyle.Plain && node.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode s when IsNull(s) => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}

/// <summary>A mistake at a line of a rule file.</summary>
internal sealed class RuleFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
