using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Shodo.Aws.Connection;
using Shodo.Cli.Output;
using Shodo.Localization;

namespace Shodo.Cli;

/// <summary>
/// How the responder role is assumed, as people set break-glass roles up (the AWS CLI's names where they exist):
/// --external-id, --mfa-serial with the code asked for at the terminal (or --mfa-token for scripts),
/// --role-session-name, --duration. The MFA code source also serves a profile's <c>mfa_serial</c>.
/// </summary>
public sealed partial class RoleOptions
{
    public Option<string?> ExternalId { get; } = new("--external-id")
    { Description = "External id the role's trust policy requires (with --role-arn).", Recursive = true };

    public Option<string?> MfaSerial { get; } = new("--mfa-serial")
    { Description = "MFA device (serial or ARN) the role's trust policy requires; the code is asked for at the terminal.", Recursive = true };

    public Option<string?> MfaToken { get; } = new("--mfa-token")
    { Description = "The MFA device's current 6-digit code, for scripts (else asked for when needed, also for a profile's mfa_serial).", Recursive = true };

    public Option<string?> RoleSessionName { get; } = new("--role-session-name")
    { Description = "Session name CloudTrail shows for the responder (default shodo-TIME).", Recursive = true };

    public Option<string?> Duration { get; } = new("--duration")
    { Description = "How long the role's credentials last: 15m to 12h (e.g. 3600, 45m, 1h; the role's maximum applies).", Recursive = true };

    public RoleOptions()
    {
        Duration.Validators.Add(r =>
        {
            if (r.GetValue(Duration) is { } d && ParseDuration(d) is null) r.AddError(Messages.Get("BadRoleDuration", Terminal.Echo(d)));
        });
        RoleSessionName.Validators.Add(r =>
        {
            if (r.GetValue(RoleSessionName) is { } n && !SessionName().IsMatch(n)) r.AddError(Messages.Get("BadRoleSessionName", Terminal.Echo(n)));
        });
        MfaToken.Validators.Add(r =>
        {
            if (r.GetValue(MfaToken) is { } t && !Code().IsMatch(t)) r.AddError(Messages.Get("BadMfaToken", Terminal.Echo(t)));
        });
    }

    public IEnumerable<Option> All => [ExternalId, MfaSerial, MfaToken, RoleSessionName, Duration];

    /// <summary>The role assumption for this invocation; the code is asked for on the terminal only when one is needed and none was given.</summary>
    public static RoleAssumption Read(GlobalSettings s, CliEnvironment env)
    {
        if (s.RoleArn is null && new[] { ("--external-id", s.ExternalId), ("--mfa-serial", s.MfaSerial), ("--role-session-name", s.RoleSessionName),
                ("--duration", s.Duration) }.FirstOrDefault(o => o.Item2 is not null) is { Item1: { } option })
            throw new Shodo.Diagnostics.ShodoException(new Shodo.Diagnostics.Diagnostic(Shodo.Diagnostics.ExitCode.Usage,
                Messages.Get("RoleOptionWithoutRole", option)));
        return Assumption(s, env);
    }

    private static RoleAssumption Assumption(GlobalSettings s, CliEnvironment env) => new()
    {
        ExternalId = s.ExternalId,
        MfaSerial = s.MfaSerial,
        MfaToken = s.MfaToken,
        SessionName = s.RoleSessionName,
        Duration = s.Duration is { } d ? ParseDuration(d) : null,
        AskForMfaCode = env.IsInteractive && !Console.IsInputRedirected ? serial =>
        {
            env.Error.Write(Messages.Get("MfaPrompt", Terminal.Plain(serial)));
            env.Error.Flush();
            return Console.In.ReadLine()?.Trim() ?? "";
        } : null,
    };

    /// <summary>Seconds ("3600") or a number with s, m or h; null outside 15 minutes to 12 hours.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        var d = m.Groups[2].Value switch { "h" => TimeSpan.FromHours(n), "m" => TimeSpan.FromMinutes(n), _ => TimeSpan.FromSeconds(n) };
        return d >= TimeSpan.FromMinutes(15) && d <= TimeSpan.FromHours(12) ? d : null;
    }

    [GeneratedRegex(@"^(\d{1,6})([smh]?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex Code();
}
