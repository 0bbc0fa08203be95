namespace Shodo.Range.State.Ec2;

/// <summary>A launch template (its first version's data).</summary>
public sealed class LaunchTemplate
{
    public required string LaunchTemplateId { get; init; }
    public required string LaunchTemplateName { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string CreatedBy { get; init; }
    public long DefaultVersionNumber { get; set; } = 1;
    public long LatestVersionNumber { get; set; } = 1;
    public string? VersionDescription { get; init; }
    public string? ImageId { get; init; }
    public string? InstanceType { get; init; }
    public string? KeyName { get; init; }
}
