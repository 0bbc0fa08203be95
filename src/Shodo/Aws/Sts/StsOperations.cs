namespace Shodo.Aws.Sts;

/// <summary>
/// The STS operations Shodo sends: who am I (for the journal's actor and <c>shodo whoami</c>).
/// AssumeRole (for --role-arn and member accounts) is declared by the interlock's allowlist.
/// </summary>
public static class StsOperations
{
    public static AwsOperation GetCallerIdentity { get; } = AwsOperation.Of("sts", "GetCallerIdentity");
}
