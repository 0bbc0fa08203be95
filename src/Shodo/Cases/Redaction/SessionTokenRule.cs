namespace Shodo.Cases.Redaction;

/// <summary>
/// Session tokens of temporary credentials: STS AssumeRole / GetSessionToken / GetFederationToken,
/// SSO GetRoleCredentials, <c>aws_session_token</c> in credentials files, and the
/// <c>X-Amz-Security-Token</c> header.
/// </summary>
public sealed class SessionTokenRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } =
        ["SessionToken", "AwsSessionToken", "SecurityToken", "AwsSecurityToken", "XAmzSecurityToken"];
}
