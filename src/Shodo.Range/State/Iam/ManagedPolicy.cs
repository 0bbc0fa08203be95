namespace Shodo.Range.State.Iam;

/// <summary>A managed policy (AWS managed or customer managed) with its versions.</summary>
public sealed class ManagedPolicy
{
    public required string PolicyName { get; set; }
    public required string PolicyId { get; set; }
    public required string Arn { get; set; }
    public string Path { get; set; } = "/";
    public string? Description { get; set; }
    public string DefaultVersionId { get; set; } = "v1";
    public DateTimeOffset CreateDate { get; set; }
    public DateTimeOffset UpdateDate { get; set; }
    public bool IsAwsManaged { get; set; }
    public List<PolicyVersion> Versions { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public PolicyVersion DefaultVersion => Versions.First(v => v.VersionId == DefaultVersionId);
}

public sealed record PolicyVersion(string VersionId, string Document, DateTimeOffset CreateDate);
