using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SnapshotAttributeActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifySnapshotAttribute: one of <see cref="SnapshotAttributeActions"/>; an encrypted snapshot as <see cref="EncryptedSnapshotSharing"/> allows.</summary>
internal sealed class ModifySnapshotAttribute : Ec2Action
{
    public override string Name => "ModifySnapshotAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var p = c.Params;
        var snapshot = Find(c, p.Required("SnapshotId"));
        if (p.Get("Attribute") is { } attribute && attribute != CreateVolumePermission)
            throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Only createVolumePermission can be modified.");
        var add = Permissions(p, "CreateVolumePermission.Add");
        var remove = Permissions(p, "CreateVolumePermission.Remove");
        var flat = p.List("UserId").Concat(p.List("UserGroup").Select(g => g == Public ? Public : throw BadGroup(g))).ToList();
        if (flat.Count > 0)
        {
            switch (p.Get("OperationType"))
            {
                case "add": add.AddRange(flat); break;
                case "remove": remove.AddRange(flat); break;
                case null: throw AwsError.MissingParameter("OperationType");
                case var other: throw AwsError.InvalidParameterValue($"Value ({other}) for parameter operationType is invalid.");
            }
        }
        if (add.Count == 0 && remove.Count == 0)
            throw AwsError.MissingParameter("CreateVolumePermission");
        if (add.Concat(remove).FirstOrDefault(v => v != Public && !AccountId().IsMatch(v)) is { } bad)
            throw new AwsError("InvalidUserID.Malformed", $"Invalid user id: '{bad}'");
        EncryptedSnapshotSharing.CheckSnapshot(c, snapshot, add);
        var now = snapshot.CreateVolumePermissions.Except(remove, StringComparer.Ordinal).Union(add, StringComparer.Ordinal).ToList();
        snapshot.CreateVolumePermissions.Clear();
        snapshot.CreateVolumePermissions.AddRange(now);
        return [Return()];
    }
}
