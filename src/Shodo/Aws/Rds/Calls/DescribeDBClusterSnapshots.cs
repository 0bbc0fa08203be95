using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBClusterSnapshots — the region's DB cluster snapshots (manual and automated unless asked otherwise).</summary>
public sealed record DescribeDBClusterSnapshots(string? DBClusterIdentifier = null, string? SnapshotType = null)
    : RdsPagedCall<DbClusterSnapshot>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBClusterSnapshots;
    public override void Write(QueryParameters p) => p.Add("DBClusterIdentifier", DBClusterIdentifier).Add("SnapshotType", SnapshotType);
    public override IReadOnlyList<DbClusterSnapshot> Read(XElement r) =>
        r.Items("DBClusterSnapshots", "DBClusterSnapshot").Select(DbClusterSnapshot.From).ToList();
}
