using System.CommandLine;
using Shodo.Cli.Output;
using Shodo.Localization;

namespace Shodo.Cli;

/// <summary>
/// The options every subcommand accepts. Where they overlap with the AWS CLI (--profile, --region,
/// --endpoint-url) they mean the same thing.
/// </summary>
public sealed class GlobalOptions
{
    /// <summary>The languages of --lang.</summary>
    public static IReadOnlyList<string> Languages => Shodo.Localization.LocalText.Languages;

    public GlobalOptions()
    {
        Region.Validators.Add(r =>
        {
            if (r.GetValue(Region) is { } region && !Shodo.Aws.AwsRegionName.IsValid(region))
                r.AddError(Messages.Get("BadRegion", Terminal.Echo(region)));
        });
        Lang.Validators.Add(r =>
        {
            if (r.GetValue(Lang) is { } lang && !Languages.Contains(lang.ToLowerInvariant()))
                r.AddError(Messages.Get("BadLang", Terminal.Echo(lang)));
        });
        CaseDir.Validators.Add(r =>
        {
            if (r.GetValue(CaseDir) is { } dir && FileInTheWay(dir) is { } file)
                r.AddError(Messages.Get("CaseDirIsFile", Terminal.Echo(file)));
        });
    }

    /// <summary>The file that stands where the cases folder (or one of its parents) would be, if any.</summary>
    private static string? FileInTheWay(string folder)
    {
        try
        {
            for (var path = Path.GetFullPath(folder); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
            {
                if (File.Exists(path)) return path;
                if (Directory.Exists(path)) return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // Not a path this system can name: creating the folder says so.
        }
        return null;
    }

    public Option<string?> Profile { get; } = new("--profile")
    { Description = "AWS named profile to use (as the AWS CLI's --profile).", Recursive = true };

    public Option<string?> Region { get; } = new("--region")
    { Description = "AWS region for regional calls and the home region (as the AWS CLI's --region).", Recursive = true };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    { Description = "Send every AWS call to this URL (as the AWS CLI's --endpoint-url), e.g. the range.", Recursive = true };

    public Option<string?> RoleArn { get; } = new("--role-arn")
    { Description = "Assume this IAM role before calling AWS.", Recursive = true };

    public Option<OutputFormat> Output { get; } = new("--output")
    { Description = "Output format: text (for people) or json (for programs).", Recursive = true, DefaultValueFactory = _ => OutputFormat.Text };

    public Option<string?> Lang { get; } = new("--lang")
    { Description = "Language of messages and reports: en or ja (default: the system culture).", Recursive = true, HelpName = "en|ja" };

    public Option<bool> NoColor { get; } = new("--no-color")
    { Description = "Do not use colour (also when NO_COLOR is set).", Recursive = true };

    public Option<string?> CaseDir { get; } = new("--case-dir")
    { Description = "Folder that holds cases (default: ./cases).", Recursive = true };

    public Option<bool> Debug { get; } = new("--debug")
    { Description = "Print stack traces for unexpected errors.", Recursive = true };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Refuse a configuration file with warnings (an unknown section or key, e.g. a misspelt 'escalation:') instead of ignoring what is unknown.",
        Recursive = true,
    };

    /// <summary>--external-id, --mfa-serial, --mfa-token, --role-session-name, --duration.</summary>
    public RoleOptions Role { get; } = new();

    public IEnumerable<Option> All =>
        [Profile, Region, EndpointUrl, RoleArn, Output, Lang, NoColor, CaseDir, Debug, Strict, .. Role.All];

    public GlobalSettings Read(ParseResult result, CliEnvironment env) => new(
        Profile: result.GetValue(Profile),
        Region: result.GetValue(Region),
        EndpointUrl: result.GetValue(EndpointUrl),
        RoleArn: result.GetValue(RoleArn),
        Output: result.GetValue(Output),
        Lang: result.GetValue(Lang)?.ToLowerInvariant(),
        NoColor: result.GetValue(NoColor) || !string.IsNullOrEmpty(env.Variable("NO_COLOR")),
        CaseDir: result.GetValue(CaseDir) ?? "cases",
        Debug: result.GetValue(Debug),
        Strict: result.GetValue(Strict))
    {
        ExternalId = result.GetValue(Role.ExternalId),
        MfaSerial = result.GetValue(Role.MfaSerial),
        MfaToken = result.GetValue(Role.MfaToken),
        RoleSessionName = result.GetValue(Role.RoleSessionName),
        Duration = result.GetValue(Role.Duration),
    };
}

public enum OutputFormat { Text, Json }

/// <summary>The global options' values for one invocation.</summary>
public sealed record GlobalSettings(
    string? Profile,
    string? Region,
    string? EndpointUrl,
    string? RoleArn,
    OutputFormat Output,
    string? Lang,
    bool NoColor,
    string CaseDir,
    bool Debug,
    bool Strict = false)
{
    public string? ExternalId { get; init; }
    public string? MfaSerial { get; init; }
    public string? MfaToken { get; init; }
    public string? RoleSessionName { get; init; }
    public string? Duration { get; init; }
}
