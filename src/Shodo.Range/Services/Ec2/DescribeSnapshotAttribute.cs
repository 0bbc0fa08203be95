using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SnapshotAttributeActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSnapshotAttribute: one of <see cref="SnapshotAttributeActions"/>.</summary>
internal sealed class DescribeSnapshotAttribute : Ec2Action
{
    public override string Name => "DescribeSnapshotAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var attribute = c.Params.Required("Attribute");
        var snapshot = Find(c, c.Params.Required("SnapshotId"));
        yield return V("snapshotId", snapshot.SnapshotId);
        yield return attribute switch
        {
            CreateVolumePermission => Set(CreateVolumePermission, snapshot.CreateVolumePermissions,
                v => [v == Public ? V("group", v) : V("userId", v)]),
            "productCodes" => E("productCodes"),
            _ => throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
    }
}
