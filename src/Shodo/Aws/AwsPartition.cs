namespace Shodo.Aws;

/// <summary>
/// AWS's partitions: <c>aws</c>, <c>aws-cn</c> (China), <c>aws-us-gov</c> (GovCloud). An ARN names its partition
/// (<c>arn:aws-cn:iam::123456789012:user/x</c>), so do AWS managed policies (<c>arn:aws-cn:iam::aws:policy/AWSDenyAll</c>),
/// and each partition records IAM's (global) events in its own home region: us-east-1, cn-north-1, us-gov-west-1.
/// A partition is read from an ARN the account answered with (the caller's, a principal's), else from a region name.
/// </summary>
public static class AwsPartition
{
    public const string Aws = "aws";
    public const string China = "aws-cn";
    public const string GovCloud = "aws-us-gov";

    /// <summary>The partition an ARN names, or null when it is not an ARN.</summary>
    public static string? OfArn(string? arn) =>
        arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.IndexOf(':', 4) is > 4 and var end ? arn[4..end] : null;

    /// <summary>The partition a region belongs to: cn-* China, us-gov-* GovCloud, else the commercial one.</summary>
    public static string OfRegion(string? region) =>
        region?.StartsWith("cn-", StringComparison.Ordinal) == true ? China
        : region?.StartsWith("us-gov-", StringComparison.Ordinal) == true ? GovCloud
        : Aws;

    /// <summary>The partition of <paramref name="arn"/> when it is an ARN, else of <paramref name="region"/>.</summary>
    public static string Of(string? arn, string? region) => OfArn(arn) ?? OfRegion(region);

    /// <summary>Where the partition's CloudTrail records IAM's (and STS's global endpoint's) events.</summary>
    public static string IamEventRegion(string partition) => partition switch
    {
        China => "cn-north-1",
        GovCloud => "us-gov-west-1",
        _ => "us-east-1",
    };

    /// <summary>An AWS managed policy's ARN in the partition: <c>arn:PARTITION:iam::aws:policy/NAME</c>.</summary>
    public static string ManagedPolicyArn(string partition, string name) => $"arn:{partition}:iam::aws:policy/{name}";

    /// <summary>The ARN as it reads in the commercial partition (<c>arn:aws-cn:...</c> → <c>arn:aws:...</c>), to compare with names written there.</summary>
    public static string InCommercial(string arn) =>
        OfArn(arn) is { } p && p != Aws ? "arn:aws:" + arn[(5 + p.Length)..] : arn;
}
