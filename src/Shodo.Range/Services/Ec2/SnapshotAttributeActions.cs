using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// DescribeSnapshotAttribute and ModifySnapshotAttribute (botocore ec2 2016-11-15): an EBS snapshot's
/// createVolumePermission — the accounts (UserId) and the group <c>all</c> that may create a volume from it, which is how
/// a snapshot is shared with another account or made public. Modify takes the structured form
/// (<c>CreateVolumePermission.Add.N.UserId</c> / <c>.Group</c>, <c>...Remove.N...</c>) or the flat one
/// (<c>OperationType</c> add|remove with <c>UserId.N</c> / <c>UserGroup.N</c>); only createVolumePermission can be
/// modified, the only group is <c>all</c>, and an account id is twelve digits.
/// </summary>
public sealed partial class SnapshotAttributeActions : IEc2Actions
{
    public const string CreateVolumePermission = "createVolumePermission";
    public const string Public = "all";

    public IEnumerable<Ec2Action> Actions =>
    [
        new("DescribeSnapshotAttribute", true, Describe),
        new("ModifySnapshotAttribute", false, Modify),
    ];

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    private static Snapshot Find(Ec2Context c, string id) =>
        c.Region.Snapshots.FirstOrDefault(s => s.SnapshotId == id) ?? throw Ec2Errors.SnapshotNotFound(id);

    private static IEnumerable<XElement?> Describe(Ec2Context c)
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

    private static IEnumerable<XElement> Modify(Ec2Context c)
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
        var now = snapshot.CreateVolumePermissions.Except(remove, StringComparer.Ordinal).Union(add, StringComparer.Ordinal).ToList();
        snapshot.CreateVolumePermissions.Clear();
        snapshot.CreateVolumePermissions.AddRange(now);
        return [Return()];
    }

    /// <summary>The structured list: each member names a UserId or a Group (only <c>all</c>).</summary>
    private static List<string> Permissions(Ec2Params p, string prefix) => p.Members(prefix).Select(m =>
        p.Get(m + ".UserId") ?? (p.Get(m + ".Group") is { } g ? g == Public ? Public : throw BadGroup(g)
            : throw AwsError.MissingParameter(m + ".UserId"))).ToList();

    private static AwsError BadGroup(string group) =>
        AwsError.InvalidParameterValue($"Value ({group}) for parameter group is invalid. Only 'all' is supported.");
}
