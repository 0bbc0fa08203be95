using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Rds.Calls;

/// <summary>
/// rds:ModifyDBClusterSnapshotAttribute on the <c>restore</c> attribute — adds or removes the account ids (or <c>all</c>)
/// that may restore a manual Aurora cluster snapshot. Answers the attribute as it now stands.
/// </summary>
public sealed record ModifyDBClusterSnapshotAttribute(string DBClusterSnapshotIdentifier, IReadOnlyList<string> ValuesToAdd,
    IReadOnlyList<string> ValuesToRemove) : QueryCall<IReadOnlyList<string>>
{
    public override AwsOperation Operation => RdsOperations.ModifyDBClusterSnapshotAttribute;

    public override void Write(QueryParameters p)
    {
        p.Add("DBClusterSnapshotIdentifier", DBClusterSnapshotIdentifier).Add("AttributeName", ModifyDBSnapshotAttribute.Restore);
        if (ValuesToAdd.Count > 0) p.AddList("ValuesToAdd", ValuesToAdd, "AttributeValue");
        if (ValuesToRemove.Count > 0) p.AddList("ValuesToRemove", ValuesToRemove, "AttributeValue");
    }

    public override IReadOnlyList<string> Read(XElement r) => new DescribeDBClusterSnapshotAttributes(DBClusterSnapshotIdentifier).Read(r);
}
