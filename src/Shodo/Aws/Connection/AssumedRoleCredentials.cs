using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;

namespace Shodo.Aws.Connection;

/// <summary>
/// Credentials of an assumed role (--role-arn, or a member account's responder role), refreshed
/// before they expire. The AssumeRole call itself is the SDK's
/// (<see cref="ICoreAmazonSTS.CredentialsFromAssumeRoleAuthenticationAsync"/>, what
/// <see cref="AssumeRoleAWSCredentials"/> uses) but made through the connection's STS client, so it
/// honours the endpoint override and region and passes the interlock like every other call —
/// AssumeRoleAWSCredentials would always build its own client against the public STS endpoint.
/// </summary>
/// The external id, MFA device and code (through the SDK's <see cref="AssumeRoleAWSCredentialsOptions.MfaTokenCodeCallback"/>,
/// asked again at each refresh, as a code serves once) and duration come from <see cref="RoleAssumption"/>.
public sealed class AssumedRoleCredentials(ICoreAmazonSTS sts, string roleArn, string sessionName, RoleAssumption? assumption = null)
    : RefreshingAWSCredentials
{
    public string RoleArn { get; } = roleArn;

    /// <summary>STS's default session length when no DurationSeconds is sent (AssumeRole's documented default).</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// When AWS issued the session in use (its aws:TokenIssueTime), floored to the second: the Expiration STS answered less
    /// the duration asked for (STS's default when none was). AWS's clock, not this machine's; null until assumed.
    /// </summary>
    public DateTimeOffset? SessionIssuedAt { get; private set; }

    private AssumeRoleAWSCredentialsOptions Options()
    {
        var a = assumption ?? new RoleAssumption();
        var options = new AssumeRoleAWSCredentialsOptions { ExternalId = a.ExternalId, MfaSerialNumber = a.MfaSerial };
        if (a.Duration is { } d) options.DurationSeconds = (int)d.TotalSeconds;
        if (a.MfaSerial is { } serial)
            options.MfaTokenCodeCallback = a.MfaCallback(serial)
                ?? throw new Shodo.Diagnostics.ShodoException(new Shodo.Diagnostics.Diagnostic(
                    Shodo.Diagnostics.ExitCode.Usage, Shodo.Localization.Messages.Get("MfaCodeNeeded", serial)));
        return options;
    }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var credentials = await sts.CredentialsFromAssumeRoleAuthenticationAsync(
            RoleArn, sessionName, Options());
        SessionIssuedAt = IssuedAt(credentials.Expiration, (assumption ?? new RoleAssumption()).Duration ?? DefaultDuration);
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }

    /// <summary>A session's issue time from STS's Expiration and the duration asked for, floored to the second.</summary>
    public static DateTimeOffset IssuedAt(DateTime expiration, TimeSpan duration)
    {
        var utc = (expiration.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(expiration, DateTimeKind.Utc) : expiration).ToUniversalTime();
        var issued = new DateTimeOffset(utc, TimeSpan.Zero) - duration;
        return new DateTimeOffset(issued.Ticks - issued.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
