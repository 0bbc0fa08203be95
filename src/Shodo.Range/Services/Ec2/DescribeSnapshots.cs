using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SnapshotActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSnapshots: one of <see cref="SnapshotActions"/>.</summary>
internal sealed class DescribeSnapshots : Ec2Action
{
    public override string Name => "DescribeSnapshots";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("SnapshotId");
        foreach (var id in ids.Where(id => c.Region.Snapshots.All(s => s.SnapshotId != id))) throw Ec2Errors.SnapshotNotFound(id);
        var owners = c.Params.List("Owner");
        var mine = owners.Count == 0 || owners.Any(o => o == "self" || o == c.AccountId);
        var snapshots = c.Region.Snapshots.Where(s => mine && (ids.Count == 0 || ids.Contains(s.SnapshotId)));
        var filtered = Ec2Filter.Apply(snapshots, c.Params.Filters(), (s, f) => f switch
        {
            "snapshot-id" => [s.SnapshotId],
            "volume-id" => [s.VolumeId],
            "status" => [s.Status(c.Now)],
            "owner-id" => [s.OwnerId],
            "description" => [s.Description],
            "start-time" => [Time(s.StartTime)],
            "volume-size" => [s.VolumeSize.ToString(CultureInfo.InvariantCulture)],
            "encrypted" => [s.Encrypted ? "true" : "false"],
            _ => null,
        }, s => s.SnapshotId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("snapshotSet", page, s => Content(c, s, "status"));
        yield return V("nextToken", next);
    }
}
