using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// AMIs the account makes (botocore ec2 2016-11-15): CreateImage from an instance (a copy of its disks, pending for a few
/// minutes), and its launchPermission — the accounts (UserId) and the group <c>all</c> that may launch it, which is how an
/// image is shared with another account or made public: DescribeImageAttribute and ModifyImageAttribute (structured
/// <c>LaunchPermission.Add.N.UserId</c> / <c>.Group</c>, <c>...Remove.N...</c>, or flat <c>OperationType</c> with
/// <c>UserId.N</c> / <c>UserGroup.N</c>). An id that is not <c>ami-</c> hex is InvalidAMIID.Malformed; one the account
/// does not own here, InvalidAMIID.NotFound.
/// </summary>
public sealed partial class ImageActions : IEc2Actions
{
    public const string LaunchPermission = "launchPermission";
    public const string Public = "all";

    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateImage", false, CreateImage),
        new("DescribeImageAttribute", true, Describe),
        new("ModifyImageAttribute", false, Modify),
    ];

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^ami-[0-9a-f]{8,17}$")]
    private static partial Regex ImageId();

    private static Image Find(Ec2Context c, string id)
    {
        if (!ImageId().IsMatch(id)) throw new AwsError("InvalidAMIID.Malformed", $"Invalid id: \"{id}\" (expecting \"ami-...\")");
        return c.Region.Images.FirstOrDefault(i => i.ImageId == id) ?? throw Ec2Errors.ImageNotFound(id);
    }

    private static IEnumerable<XElement> CreateImage(Ec2Context c)
    {
        var instance = c.Instance(c.Params.Required("InstanceId"));
        var name = c.Params.Required("Name");
        if (c.Region.Images.Any(i => i.Name == name))
            throw new AwsError("InvalidAMIName.Duplicate", $"AMI name {name} is already in use by AMI {c.Region.Images.First(i => i.Name == name).ImageId}");
        c.Params.RejectUnknownTagSpecifications(["image", "snapshot"]);
        var image = new Image
        {
            ImageId = Ec2Ids.New("ami"), Name = name, Description = c.Params.Get("Description") ?? "", OwnerId = c.AccountId,
            CreationDate = c.Now, AvailableAt = c.Now + Image.CreateTime, SourceInstanceId = instance.InstanceId,
        };
        c.Region.Images.Add(image);
        c.Region.Tags.Set(image.ImageId, c.Params.TagsFor("image"));
        return [V("imageId", image.ImageId)!];
    }

    private static IEnumerable<XElement?> Describe(Ec2Context c)
    {
        var attribute = c.Params.Required("Attribute");
        var image = Find(c, c.Params.Required("ImageId"));
        yield return V("imageId", image.ImageId);
        yield return attribute switch
        {
            LaunchPermission => Set(LaunchPermission, image.LaunchPermissions, v => [v == Public ? V("group", v) : V("userId", v)]),
            "description" => E("description", V("value", image.Description)),
            "productCodes" => E("productCodes"),
            _ => throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
    }

    private static IEnumerable<XElement> Modify(Ec2Context c)
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
        var now = image.LaunchPermissions.Except(remove, StringComparer.Ordinal).Union(add, StringComparer.Ordinal).ToList();
        image.LaunchPermissions.Clear();
        image.LaunchPermissions.AddRange(now);
        return [Return()];
    }

    /// <summary>The structured list: each member names a UserId or a Group (only <c>all</c>).</summary>
    private static List<string> Permissions(Ec2Params p, string prefix) => p.Members(prefix).Select(m =>
        p.Get(m + ".UserId") ?? (p.Get(m + ".Group") is { } g ? g == Public ? Public : throw BadGroup(g)
            : throw AwsError.MissingParameter(m + ".UserId"))).ToList();

    private static AwsError BadGroup(string group) =>
        AwsError.InvalidParameterValue($"Value ({group}) for parameter group is invalid. Only 'all' is supported.");
}
