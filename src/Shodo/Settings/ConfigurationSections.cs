using Shodo.Containment.Authority;
using Shodo.Escalation.Settings;
using Shodo.Reports;
using Shodo.Sigma;

using Shodo.Configuration;

namespace Shodo.Settings;

/// <summary>
/// Every top-level section the configuration file may have, one line each, with the reader that
/// checks it whole (it throws the first mistake at file:line). A new section is one line here.
/// </summary>
public static class ConfigurationSections
{
    public static IReadOnlyDictionary<string, Action<ShodoConfiguration, Func<string, string?>>> Readers { get; } =
        new Dictionary<string, Action<ShodoConfiguration, Func<string, string?>>>(StringComparer.Ordinal)
        {
            [EscalationConfigReader.Section] = (config, environment) => EscalationConfigReader.Read(config, environment),
            [AuthorityPolicy.Section] = (config, _) => AuthorityPolicy.From(config),
            [ReportSettings.Section] = (config, _) => ReportSettings.Apply(config, new ReportOptions()),
            [SigmaConfiguration.Section] = (config, _) => SigmaConfiguration.Placeholders(config),
        };
}
