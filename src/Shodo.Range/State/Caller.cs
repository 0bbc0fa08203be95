namespace Shodo.Range.State;

/// <summary>
/// The authenticated identity behind a request, in CloudTrail's userIdentity terms.
/// For temporary credentials, <see cref="SessionIssuedAt"/> is the token's issue time
/// (aws:TokenIssueTime) and <see cref="SourceUserName"/> the IAM user that minted it, so that a
/// policy on that user also reaches its earlier sessions.
/// </summary>
public sealed record Caller(
    string Type,
    string Arn,
    string PrincipalId,
    string AccountId,
    string AccessKeyId,
    string? UserName = null,
    DateTimeOffset? SessionIssuedAt = null,
    string? SourceUserName = null,
    string? RoleName = null,
    bool MfaAuthenticated = false)
{
    /// <summary>Type values as CloudTrail writes them.</summary>
    public const string IamUser = "IAMUser", AssumedRole = "AssumedRole", FederatedUser = "FederatedUser", Root = "Root";
    /// <summary>A principal of another account, as the role's account records a cross-account AssumeRole.</summary>
    public const string AwsAccount = "AWSAccount";

    public bool IsTemporary => AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal);
}
