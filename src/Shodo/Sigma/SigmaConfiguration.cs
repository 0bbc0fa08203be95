using Shodo.Configuration;
using Shodo.Localization;
using YamlDotNet.RepresentationModel;

namespace Shodo.Sigma;

/// <summary>
/// The <c>sigma:</c> section of the configuration file:
/// <code>
/// sigma:
///   placeholders:            # values for the expand modifier's %name%
///     admins: [ops-sato, ci-deploy]
///     office_ips: 203.0.113.0/24
/// </code>
/// </summary>
public static class SigmaConfiguration
{
    public const string Section = "sigma";

    /// <summary>The placeholders' values; empty when the section is absent. Mistakes name file:line.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders(ShodoConfiguration config)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var section = config.Section(Section);
        if (section is null) return result;
        if (section is not YamlMappingNode map) throw config.Error(section, Messages.Get("SigmaConfigNotMapping"));
        if (config.Child(map, "placeholders") is not { } placeholders) return result;
        if (placeholders is not YamlMappingNode entries) throw config.Error(placeholders, Messages.Get("SigmaConfigNotMapping"));
        foreach (var (key, value) in entries.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            result[name] = value switch
            {
                YamlScalarNode s => [s.Value ?? ""],
                YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value
                    ?? throw config.Error(c, Messages.Get("SigmaConfigPlaceholderValues", name))).ToList(),
                _ => throw config.Error(value, Messages.Get("SigmaConfigPlaceholderValues", name)),
            };
        }
        return result;
    }

    /// <summary>Load options from the configuration.</summary>
    public static SigmaLoadOptions LoadOptions(ShodoConfiguration config) => new() { Placeholders = Placeholders(config) };
}
