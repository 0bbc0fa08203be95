using System.Xml.Linq;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds.Model;

namespace Shodo.Aws.Rds.Calls;

/// <summary>
/// rds:ModifyDBSnapshotAttribute on the <c>restore</c> attribute — adds or removes the account ids (or <c>all</c>)
/// that may restore a manual snapshot. Answers the attribute as it now stands.
/// </summary>
public sealed record ModifyDBSnapshotAttribute(string DBSnapshotIdentifier, IReadOnlyList<string> ValuesToAdd, IReadOnlyList<string> ValuesToRemove)
    : QueryCall<DbSnapshotAttributes>
{
    public const string Restore = "restore";

    public override AwsOperation Operation => RdsOperations.ModifyDBSnapshotAttribute;

    public override void Write(QueryParameters p)
    {
        p.Add("DBSnapshotIdentifier", DBSnapshotIdentifier).Add("AttributeName", Restore);
        if (ValuesToAdd.Count > 0) p.AddList("ValuesToAdd", ValuesToAdd, "AttributeValue");
        if (ValuesToRemove.Count > 0) p.AddList("ValuesToRemove", ValuesToRemove, "AttributeValue");
    }

    public override DbSnapshotAttributes Read(XElement r) => DbSnapshotAttributes.From(r);
}
