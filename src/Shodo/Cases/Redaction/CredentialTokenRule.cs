namespace Shodo.Cases.Redaction;

/// <summary>
/// Tokens that are credentials by themselves: the <c>Token</c> of instance-metadata and container
/// credentials (<c>{"AccessKeyId", "SecretAccessKey", "Token"}</c>), ECR / CodeArtifact
/// <c>authorizationToken</c> (a docker or package-manager password) and the OIDC
/// <c>WebIdentityToken</c> of AssumeRoleWithWebIdentity. Paging tokens (<c>NextToken</c>) are not secrets
/// and do not match: field names are compared whole.
/// </summary>
public sealed class CredentialTokenRule : IRedactionRule
{
    public IReadOnlyList<string> SecretFields { get; } = ["Token", "AuthorizationToken", "WebIdentityToken"];
}
