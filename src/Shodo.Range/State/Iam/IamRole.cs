namespace Shodo.Range.State.Iam;

/// <summary>An IAM role: its trust policy says who may assume it.</summary>
public sealed class IamRole
{
    public required string RoleName { get; set; }
    public required string RoleId { get; set; }
    public string Path { get; set; } = "/";
    public required string Arn { get; set; }
    public DateTimeOffset CreateDate { get; set; }
    public required string AssumeRolePolicyDocument { get; set; }
    public string? Description { get; set; }
    public int MaxSessionDuration { get; set; } = 3600;
    public List<IamTag> Tags { get; set; } = [];
    public Dictionary<string, string> InlinePolicies { get; set; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; set; } = [];
    public DateTimeOffset? LastUsedDate { get; set; }
    /// <summary>The managed policy set as the role's permissions boundary: the most its policies may allow.</summary>
    public string? PermissionsBoundaryArn { get; set; }
    public string? LastUsedRegion { get; set; }
}
