using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Rds.Calls;

/// <summary>rds:DescribeDBClusterSnapshotAttributes — which accounts may restore a manual cluster snapshot (its <c>restore</c> attribute).</summary>
public sealed record DescribeDBClusterSnapshotAttributes(string DBClusterSnapshotIdentifier) : QueryCall<IReadOnlyList<string>>
{
    public override AwsOperation Operation => RdsOperations.DescribeDBClusterSnapshotAttributes;
    public override void Write(QueryParameters p) => p.Add("DBClusterSnapshotIdentifier", DBClusterSnapshotIdentifier);
    public override IReadOnlyList<string> Read(XElement r) => (r.Child("DBClusterSnapshotAttributesResult") ?? r)
        .Items("DBClusterSnapshotAttributes", "DBClusterSnapshotAttribute")
        .Where(a => a.Text("AttributeName") == "restore").SelectMany(a => a.Strings("AttributeValues", "AttributeValue")).ToList();
}
