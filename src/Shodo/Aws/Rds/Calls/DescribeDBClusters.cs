using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBClusters — the region's Aurora (and Multi-AZ) DB clusters.</summary>
public sealed record DescribeDBClusters(string? DBClusterIdentifier = null) : RdsPagedCall<DbCluster>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBClusters;
    public override void Write(QueryParameters p) => p.Add("DBClusterIdentifier", DBClusterIdentifier);
    public override IReadOnlyList<DbCluster> Read(XElement r) => r.Items("DBClusters", "DBCluster").Select(DbCluster.From).ToList();
}
