namespace Shodo.Range.State.Iam;

/// <summary>A long-term access key (AKIA...) of an IAM user, with its last use as AWS tracks it.</summary>
public sealed class AccessKey
{
    public const string Active = "Active", Inactive = "Inactive";

    public required string AccessKeyId { get; set; }
    public required string SecretAccessKey { get; set; }
    public required string UserName { get; set; }
    public string Status { get; set; } = Active;
    public DateTimeOffset CreateDate { get; set; }
    public DateTimeOffset? LastUsedDate { get; set; }
    public string? LastUsedService { get; set; }
    public string? LastUsedRegion { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsActive => Status == Active;
}
