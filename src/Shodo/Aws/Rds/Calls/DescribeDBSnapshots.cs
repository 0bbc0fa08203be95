using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBSnapshots — snapshots of this region (manual, automated, shared or public as asked).</summary>
public sealed record DescribeDBSnapshots(
    string? DBInstanceIdentifier = null, string? SnapshotType = null, bool? IncludeShared = null, bool? IncludePublic = null)
    : RdsPagedCall<DbSnapshot>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBSnapshots;
    public override void Write(QueryParameters p) => p.Add("DBInstanceIdentifier", DBInstanceIdentifier)
        .Add("SnapshotType", SnapshotType).Add("IncludeShared", IncludeShared).Add("IncludePublic", IncludePublic);
    public override IReadOnlyList<DbSnapshot> Read(XElement r) => r.Items("DBSnapshots", "DBSnapshot").Select(DbSnapshot.From).ToList();
}
