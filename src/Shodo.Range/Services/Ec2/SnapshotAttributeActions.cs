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
internal static partial class SnapshotAttributeActions
{
    public const string CreateVolumePermission = "createVolumePermission";
    public const string Public = "all";

    [GeneratedRegex(@"^\d{12}$")]
    internal static partial Regex AccountId();

    internal static Snapshot Find(Ec2Context c, string id) =>
        c.Region.Snapshots.FirstOrDefault(s => s.SnapshotId == id) ?? throw Ec2Errors.SnapshotNotFound(id);

    /// <summary>The structured list: each member names a UserId or a Group (only <c>all</c>).</summary>
    internal static List<string> Permissions(Ec2Params p, string prefix) => p.Members(prefix).Select(m =>
        p.Get(m + ".UserId") ?? (p.Get(m + ".Group") is { } g ? g == Public ? Public : throw BadGroup(g)
            : throw AwsError.MissingParameter(m + ".UserId"))).ToList();

    internal static AwsError BadGroup(string group) =>
        AwsError.InvalidParameterValue($"Value ({group}) for parameter group is invalid. Only 'all' is supported.");
}
