namespace Shodo.Range.State.Organizations;

/// <summary>An Organizations policy (a service control policy, or another type stored but not enforced).</summary>
public sealed class ServiceControlPolicy
{
    public const string Type = "SERVICE_CONTROL_POLICY";
    public const string FullAwsAccessId = "p-FullAWSAccess";

    public required string Id { get; init; }
    public required string Arn { get; init; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public string PolicyType { get; init; } = Type;
    public bool AwsManaged { get; init; }
    public required string Content { get; set; }

    /// <summary>The AWS managed policy AWS attaches to the root and every account when SCPs are enabled.</summary>
    public static ServiceControlPolicy FullAwsAccess() => new()
    {
        Id = FullAwsAccessId, Arn = "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
        Name = "FullAWSAccess", Description = "Allows access to every operation", AwsManaged = true,
        Content = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""",
    };
}
