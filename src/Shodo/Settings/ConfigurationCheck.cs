using Shodo.Diagnostics;
using Shodo.Localization;
using YamlDotNet.RepresentationModel;

using Shodo.Configuration;

namespace Shodo.Settings;

/// <summary>
/// Checks the whole configuration when a command starts, before a case is opened or AWS is called:
/// every section is read (<see cref="ConfigurationSections"/>), whichever the command uses, so a
/// mistake in the authority policy is found at once, not when containment starts minutes later. The
/// first mistake throws (file:line, exit 2). What does not stop the command comes back as warnings:
/// sections and keys nobody reads (a typo in <c>escalaton:</c> would otherwise mean nobody is paged),
/// and — for a command that does not escalate — an escalation secret missing from the environment.
/// </summary>
public static class ConfigurationCheck
{
    /// <param name="escalates">
    /// The command runs the escalation loop (respond, escalate): a secret missing from the environment
    /// is an error. Otherwise it is a warning, and the escalation section is checked only up to it.
    /// </param>
    public static IReadOnlyList<ConfigurationWarning> Run(ShodoConfiguration config, Func<string, string?> environment, bool escalates)
    {
        var warnings = new List<ConfigurationWarning>();
        foreach (var key in config.Root.Children.Keys.Cast<YamlScalarNode>())
        {
            var name = key.Value ?? "";
            if (ConfigurationSections.Readers.ContainsKey(name)) continue;
            var known = ConfigurationSections.Readers.Keys.Order(StringComparer.Ordinal).ToList();
            warnings.Add(new ConfigurationWarning(config.Mistake((int)key.Start.Line, NearestName.Of(name, known) is { } nearest
                ? Messages.Get("ConfigUnknownSection", name, nearest)
                : Messages.Get("ConfigUnknownSectionList", name, string.Join(", ", known))), Messages.Get("ConfigIgnored")));
        }
        foreach (var (section, read) in ConfigurationSections.Readers)
        {
            if (config.Section(section) is null) continue;
            string? unset = null;
            string? Resolve(string name)
            {
                var value = environment(name);
                if (string.IsNullOrEmpty(value)) unset = name;
                return value;
            }
            try
            {
                read(config, Resolve);
            }
            catch (ShodoException e) when (unset is not null && !escalates)
            {
                warnings.Add(new ConfigurationWarning(e.Diagnostic.Summary, Messages.Get("ConfigVariableNotNeeded")));
                continue;
            }
            warnings.AddRange(config.UnknownKeys(section).Select(k => new ConfigurationWarning(config.Mistake(k.Line,
                NearestName.Of(k.Name, k.Known) is { } nearest
                    ? Messages.Get("ConfigUnknownKey", k.Name, k.Where, nearest)
                    : Messages.Get("ConfigUnknownKeyList", k.Name, k.Where, string.Join(", ", k.Known))),
                Messages.Get("ConfigIgnored"))));
        }
        return warnings;
    }
}
