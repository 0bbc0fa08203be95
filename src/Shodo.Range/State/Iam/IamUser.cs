namespace Shodo.Range.State.Iam;

/// <summary>An IAM user and everything hanging off it except its access keys.</summary>
public sealed class IamUser
{
    public required string UserName { get; set; }
    public required string UserId { get; set; }
    public string Path { get; set; } = "/";
    public required string Arn { get; set; }
    public DateTimeOffset CreateDate { get; set; }
    public DateTimeOffset? PasswordLastUsed { get; set; }
    public List<IamTag> Tags { get; set; } = [];
    /// <summary>Inline policies: name → JSON document (decoded).</summary>
    public Dictionary<string, string> InlinePolicies { get; set; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; set; } = [];
    public LoginProfile? LoginProfile { get; set; }
    public List<MfaDevice> MfaDevices { get; set; } = [];
    /// <summary>The managed policy set as the user's permissions boundary: the most its policies may allow.</summary>
    public string? PermissionsBoundaryArn { get; set; }
}
