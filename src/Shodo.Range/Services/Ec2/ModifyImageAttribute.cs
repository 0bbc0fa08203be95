using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.ImageActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifyImageAttribute: one of <see cref="ImageActions"/>; an image on encrypted disks as <see cref="EncryptedSnapshotSharing"/> allows.</summary>
internal sealed class ModifyImageAttribute : Ec2Action
{
    public override string Name => "ModifyImageAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var p = c.Params;
        var image = Find(c, p.Required("ImageId"));
        if (p.Get("Attribute") is { } attribute && attribute != LaunchPermission)
            throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Only launchPermission can be modified here.");
        var add = Permissions(p, "LaunchPermission.Add");
        var remove = Permissions(p, "LaunchPermission.Remove");
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
        if (add.Count == 0 && remove.Count == 0) throw AwsError.MissingParameter("LaunchPermission");
        if (add.Concat(remove).FirstOrDefault(v => v != Public && !AccountId().IsMatch(v)) is { } bad)
            throw new AwsError("InvalidUserID.Malformed", $"Invalid user id: '{bad}'");
        EncryptedSnapshotSharing.CheckImage(c, image, add);
        var now = image.LaunchPermissions.Except(remove, StringComparer.Ordinal).Union(add, StringComparer.Ordinal).ToList();
        image.LaunchPermissions.Clear();
        image.LaunchPermissions.AddRange(now);
        return [Return()];
    }
}
