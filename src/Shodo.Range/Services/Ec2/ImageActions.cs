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
internal static partial class ImageActions
{
    public const string LaunchPermission = "launchPermission";
    public const string Public = "all";

    [GeneratedRegex(@"^\d{12}$")]
    internal static partial Regex AccountId();

    [GeneratedRegex(@"^ami-[0-9a-f]{8,17}$")]
    internal static partial Regex ImageId();

    internal static Image Find(Ec2Context c, string id)
    {
        if (!ImageId().IsMatch(id)) throw new AwsError("InvalidAMIID.Malformed", $"Invalid id: \"{id}\" (expecting \"ami-...\")");
        return c.Region.Images.FirstOrDefault(i => i.ImageId == id) ?? throw Ec2Errors.ImageNotFound(id);
    }

    /// <summary>The structured list: each member names a UserId or a Group (only <c>all</c>).</summary>
    internal static List<string> Permissions(Ec2Params p, string prefix) => p.Members(prefix).Select(m =>
        p.Get(m + ".UserId") ?? (p.Get(m + ".Group") is { } g ? g == Public ? Public : throw BadGroup(g)
            : throw AwsError.MissingParameter(m + ".UserId"))).ToList();

    internal static AwsError BadGroup(string group) =>
        AwsError.InvalidParameterValue($"Value ({group}) for parameter group is invalid. Only 'all' is supported.");
}
