using System.CommandLine;

namespace Shodo.Cli.Commands.Escalation;

/// <summary><c>--config FILE</c>: the YAML configuration (else ./shodo.yaml, else the user's config folder).</summary>
internal static class ConfigOption
{
    public static Option<string?> Create() => new("--config")
    {
        Description = "The configuration file (YAML) with the escalation chain; default ./shodo.yaml, else ~/.config/shodo/shodo.yaml.",
    };
}
