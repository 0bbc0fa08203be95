namespace Shodo.Aws.Sts;

/// <summary>
/// The STS operations Shodo sends: who am I (for the journal's actor and <c>shodo whoami</c>).
/// AssumeRole (for --role-arn and member accounts) is declared by the interlock's allowlist.
/// </summary>
public static class StsOperations
{
    public static AwsOperation GetCallerIdentity { get; } = AwsOperation.Of("sts", "GetCallerIdentity");
    /// <summary>Investigation: the account a leaked key belongs to, asked with the responder's credentials.</summary>
    public static AwsOperation GetAccessKeyInfo { get; } = AwsOperation.Of("sts", "GetAccessKeyInfo");
}
