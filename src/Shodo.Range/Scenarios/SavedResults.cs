using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Responses kept by <c>save: NAME</c>, and the <c>${...}</c> references that read them:
/// <c>${NAME.Field}</c> is the first value of every leaf element or JSON property called Field
/// (case-insensitive), <c>${NAME.Field[*]}</c> all of them, and NAME may contain <c>*</c> to read
/// several saves (<c>${run-*.InstanceId[*]}</c>). <c>${region}</c> and <c>${account}</c> are variables.
/// </summary>
public sealed partial class SavedResults
{
    private readonly Dictionary<string, List<(string Name, string Value)>> _saved = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _saved.Keys;

    public void Save(string name, AwsResponse? response) => _saved[name] = Leaves(response).ToList();

    public bool Contains(string name) => _saved.ContainsKey(name);

    /// <summary>The values of a field in the saves a name pattern matches, in save then document order.</summary>
    public IReadOnlyList<string> Values(string namePattern, string field)
    {
        var regex = new Regex("^" + Regex.Escape(namePattern).Replace("\\*", ".*") + "$");
        var matched = _saved.Where(s => regex.IsMatch(s.Key)).ToList();
        if (matched.Count == 0) throw new ScenarioException($"No saved response matches '{namePattern}'");
        return matched.SelectMany(s => s.Value)
            .Where(v => v.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Select(v => v.Value).ToList();
    }

    public string First(string name, string field) =>
        Values(name, field).FirstOrDefault() ?? throw new ScenarioException($"Saved response '{name}' has no {field}");

    /// <summary>Replaces every <c>${...}</c> in a string with its (first) value.</summary>
    public string Substitute(string text, IReadOnlyDictionary<string, string> variables) =>
        Reference().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            if (variables.TryGetValue(inner, out var v)) return v;
            var dot = inner.IndexOf('.');
            if (dot < 0) throw new ScenarioException($"Unknown variable ${{{inner}}}");
            return First(inner[..dot], inner[(dot + 1)..].Replace("[*]", ""));
        });

    /// <summary>A list entry: <c>${NAME.Field[*]}</c> alone expands to every value, anything else to one.</summary>
    public IEnumerable<string> Expand(string item, IReadOnlyDictionary<string, string> variables)
    {
        var m = WholeList().Match(item);
        return m.Success ? Values(m.Groups[1].Value, m.Groups[2].Value) : [Substitute(item, variables)];
    }

    private static IEnumerable<(string, string)> Leaves(AwsResponse? response)
    {
        switch (response)
        {
            case XmlResult xml:
                var roots = xml.Root is { } root ? [root] : xml.Elements;
                foreach (var element in roots.SelectMany(e => e.DescendantsAndSelf()).Where(e => !e.HasElements))
                    yield return (element.Name.LocalName, element.Value);
                break;
            case JsonResult { Body: { } body }:
                foreach (var leaf in JsonLeaves(body, "")) yield return leaf;
                break;
        }
    }

    private static IEnumerable<(string, string)> JsonLeaves(JsonNode node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    if (value is not null) foreach (var leaf in JsonLeaves(value, key)) yield return leaf;
                break;
            case JsonArray a:
                foreach (var item in a)
                    if (item is not null) foreach (var leaf in JsonLeaves(item, name)) yield return leaf;
                break;
            default:
                yield return (name, node.ToString());
                break;
        }
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\$\{([^.}]+)\.([^.}\[]+)\[\*\]\}$")]
    private static partial Regex WholeList();
}
