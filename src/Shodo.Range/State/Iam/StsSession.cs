namespace Shodo.Range.State.Iam;

/// <summary>
/// Temporary credentials (ASIA...) issued by STS. <see cref="SourceUserName"/> is the IAM user who
/// minted them (GetSessionToken, GetFederationToken), so that the user's policies — including a Deny
/// added later — keep applying; <see cref="RoleName"/> is set for AssumeRole sessions.
/// </summary>
public sealed class StsSession
{
    public const string SessionToken = "GetSessionToken", Federation = "GetFederationToken", Role = "AssumeRole";
    /// <summary>A console sign-in with a password (<see cref="Auth.ConsoleSignIn"/>): acts as the user, like GetSessionToken's.</summary>
    public const string Console = "ConsoleLogin";

    public required string AccessKeyId { get; set; }
    public required string SecretAccessKey { get; set; }
    public required string Token { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset Expiration { get; set; }
    public string? SourceUserName { get; set; }
    /// <summary>The long-term key that minted it (for GetAccessKeyInfo and CloudTrail).</summary>
    public string? SourceAccessKeyId { get; set; }
    public string? RoleName { get; set; }
    /// <summary>RoleSessionName or the federated user's name.</summary>
    public string? SessionName { get; set; }
    /// <summary>The session policy passed when minting (intersects with the identity's), if any.</summary>
    public string? SessionPolicy { get; set; }
    public bool MfaAuthenticated { get; set; }
}
