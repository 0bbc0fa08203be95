using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Rds.Model;

/// <summary>An Aurora DB cluster (botocore <c>DBCluster</c>).</summary>
public sealed record DbCluster(
    string DBClusterIdentifier, string? DBClusterArn, string? Engine, string? Status, bool StorageEncrypted, DateTimeOffset? ClusterCreateTime)
{
    public static DbCluster From(XElement e) => new(
        e.Required("DBClusterIdentifier"), e.Text("DBClusterArn"), e.Text("Engine"), e.Text("Status"), e.Bool("StorageEncrypted"),
        e.Date("ClusterCreateTime"));
}

/// <summary>A DB cluster snapshot (botocore <c>DBClusterSnapshot</c>).</summary>
public sealed record DbClusterSnapshot(
    string DBClusterSnapshotIdentifier, string? DBClusterSnapshotArn, string? DBClusterIdentifier, string? SnapshotType, string? Status,
    DateTimeOffset? SnapshotCreateTime)
{
    public static DbClusterSnapshot From(XElement e) => new(
        e.Required("DBClusterSnapshotIdentifier"), e.Text("DBClusterSnapshotArn"), e.Text("DBClusterIdentifier"), e.Text("SnapshotType"),
        e.Text("Status"), e.Date("SnapshotCreateTime"));
}
