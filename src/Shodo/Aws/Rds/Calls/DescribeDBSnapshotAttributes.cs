using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBSnapshotAttributes — which accounts may restore a manual snapshot.</summary>
public sealed record DescribeDBSnapshotAttributes(string DBSnapshotIdentifier) : QueryCall<DbSnapshotAttributes>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBSnapshotAttributes;
    public override void Write(QueryParameters p) => p.Add("DBSnapshotIdentifier", DBSnapshotIdentifier);
    public override DbSnapshotAttributes Read(XElement r) => DbSnapshotAttributes.From(r);
}
