namespace Shodo.Aws.Rds;

/// <summary>The RDS operations Shodo sends (botocore rds/2014-10-31, Query protocol, Marker/MaxRecords paging).</summary>
public static class RdsOperations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("rds", name);

    public static AwsOperation DescribeDBInstances { get; } = Op("DescribeDBInstances");
    public static AwsOperation DescribeDBSnapshots { get; } = Op("DescribeDBSnapshots");
    public static AwsOperation DescribeDBSnapshotAttributes { get; } = Op("DescribeDBSnapshotAttributes");

    // Containment (also on the interlock's allowlist).
    public static AwsOperation ModifyDBSnapshotAttribute { get; } = Op("ModifyDBSnapshotAttribute");
    public static AwsOperation DescribeDBClusters { get; } = Op("DescribeDBClusters");
    public static AwsOperation DescribeDBClusterSnapshots { get; } = Op("DescribeDBClusterSnapshots");
    public static AwsOperation DescribeDBClusterSnapshotAttributes { get; } = Op("DescribeDBClusterSnapshotAttributes");
    /// <summary>Containment (allowlisted): un-shares a cluster snapshot the attacker shared.</summary>
    public static AwsOperation ModifyDBClusterSnapshotAttribute { get; } = Op("ModifyDBClusterSnapshotAttribute");
}
