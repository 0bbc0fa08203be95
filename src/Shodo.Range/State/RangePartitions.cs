namespace Shodo.Range.State;

/// <summary>
/// The AWS partitions the range can stand for (<c>range serve --partition</c>): the commercial one, China and GovCloud. A
/// partition names every ARN (<c>arn:aws-cn:iam::ACCOUNT:user/x</c>, <c>arn:aws-cn:iam::aws:policy/AWSDenyAll</c>) and has its
/// own regions (cn-north-1 and cn-northwest-1; us-gov-west-1 and us-gov-east-1), where IAM records its events in the first.
/// </summary>
public static class RangePartitions
{
    public const string Aws = "aws";
    public const string China = "aws-cn";
    public const string GovCloud = "aws-us-gov";

    public static IReadOnlyList<string> All { get; } = [Aws, China, GovCloud];

    public static string Check(string partition) =>
        All.Contains(partition) ? partition : throw new ArgumentException($"Unknown partition '{partition}' (known: {string.Join(", ", All)})", nameof(partition));

    /// <summary>The partition's regions every account has, the first the home of IAM's events.</summary>
    public static IReadOnlyList<string> Regions(string partition) => partition switch
    {
        China => ["cn-north-1", "cn-northwest-1"],
        GovCloud => ["us-gov-west-1", "us-gov-east-1"],
        _ => State.Regions.DefaultEnabled,
    };

    /// <summary>The DNS suffix of the partition's endpoints.</summary>
    public static string DnsSuffix(string partition) => partition == China ? "amazonaws.com.cn" : "amazonaws.com";
}
