using System.Reflection;

namespace Shodo.Range.Scenarios;

/// <summary>
/// The scenarios the range knows, by name: the YAML files embedded from Scenarios/Files and the
/// generated ones. Adding a scenario is one file in Scenarios/Files (or one generator line here).
/// </summary>
public static class ScenarioCatalog
{
    private const string ResourcePrefix = "Shodo.Range.Scenarios.Files.";

    private static readonly Dictionary<string, Func<IScenario>> Generated = new(StringComparer.Ordinal)
    {
        [LargeAccountScenario.ScenarioName] = () => new LargeAccountScenario(),
        [LeakedKeyBlindScenario.ScenarioName] = () => new LeakedKeyBlindScenario(),
    };

    public static IReadOnlyList<string> Names =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Concat(Generated.Keys).Order(StringComparer.Ordinal).ToList();

    public static IScenario Find(string name)
    {
        if (Generated.TryGetValue(name, out var generate)) return generate();
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml")
                           ?? throw new ScenarioException(
                               $"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", Names)}.");
        using var reader = new StreamReader(stream);
        return YamlScenario.Parse(reader.ReadToEnd());
    }

    private static Assembly Assembly => typeof(ScenarioCatalog).Assembly;
}
