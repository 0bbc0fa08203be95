namespace Shodo.Containment.Reads;

/// <summary>
/// The AWS managed policy AWSDenyAll as a principal's read state records it: whether it is attached
/// (<see cref="StateField"/>), which containment's deny falls back to when the inline policies are full. Its ARN names the
/// partition (aws-cn, aws-us-gov name their managed policies with theirs).
/// </summary>
public static class DenyAllPolicy
{
    public const string Name = "AWSDenyAll";

    /// <summary>AWSDenyAll in the commercial partition; <see cref="ArnIn"/> for another.</summary>
    public static readonly string Arn = Aws.AwsPartition.ManagedPolicyArn(Aws.AwsPartition.Aws, Name);

    public const string StateField = "denyAllAttached";

    public static string ArnIn(string partition) => Aws.AwsPartition.ManagedPolicyArn(partition, Name);

    /// <summary>Whether an attached policy is AWSDenyAll, in whichever partition.</summary>
    public static bool Is(string? policyArn) => policyArn is not null && Aws.AwsPartition.InCommercial(policyArn) == Arn;
}
