namespace Shodo.Aws.Connection;

/// <summary>
/// How to assume the responder role, as people set break-glass roles up: an external id, an MFA device with its
/// code (given for scripts, or asked for when needed — also for a profile's <c>mfa_serial</c>), a session name
/// (what CloudTrail shows as the responder) and a duration. The code is never kept beyond the call that uses it.
/// </summary>
public sealed record RoleAssumption
{
    public string? ExternalId { get; init; }
    public string? MfaSerial { get; init; }
    /// <summary>The MFA code, for scripts (--mfa-token); otherwise <see cref="AskForMfaCode"/> is asked each time one is needed.</summary>
    public string? MfaToken { get; init; }
    /// <summary>Asks a person for the current code of the named device (null when nobody can be asked).</summary>
    public Func<string, string>? AskForMfaCode { get; init; }
    public string? SessionName { get; init; }
    public TimeSpan? Duration { get; init; }

    /// <summary>The SDK's MFA callback for a device: the given code, else the question, else null (no way to get a code).</summary>
    public Func<string>? MfaCallback(string serial) =>
        MfaToken is { } token ? () => token : AskForMfaCode is { } ask ? () => ask(serial) : null;
}
