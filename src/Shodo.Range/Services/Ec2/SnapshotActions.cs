using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CreateSnapshot (one volume), CreateSnapshots (every volume of an instance: how a responder
/// preserves a disk as evidence) and DescribeSnapshots. Snapshots complete after a simulated copy time.
/// </summary>
internal static class SnapshotActions
{
    internal static Snapshot Take(Ec2Context c, Volume volume, IEnumerable<Tag> tags, string? description = null)
    {
        var snapshot = new Snapshot
        {
            SnapshotId = Ec2Ids.New("snap"), VolumeId = volume.VolumeId, VolumeSize = volume.Size, StartTime = c.Now,
            CompletesAt = c.Now + c.Region.Timings.SnapshotCopy,
            OwnerId = c.AccountId, Description = description ?? c.Params.Get("Description") ?? "", Encrypted = volume.Encrypted,
            KmsKeyId = volume.KmsKeyId,
        };
        c.Region.Snapshots.Add(snapshot);
        c.Region.Tags.Set(snapshot.SnapshotId, tags);
        return snapshot;
    }

    internal static IEnumerable<XElement?> CreateSnapshot(Ec2Context c)
    {
        var volumeId = c.Params.Required("VolumeId");
        var volume = c.Region.FindVolume(volumeId) ?? throw Ec2Errors.VolumeNotFound(volumeId);
        c.Params.RejectUnknownTagSpecifications(["snapshot"]);
        var s = Take(c, volume, c.Params.TagsFor("snapshot"));
        return Content(c, s, "status").Cast<XElement?>();
    }

    internal static IEnumerable<XElement> CreateSnapshots(Ec2Context c)
    {
        var instance = c.Instance(c.Params.Required("InstanceSpecification.InstanceId"));
        var excludeBoot = c.Params.Bool("InstanceSpecification.ExcludeBootVolume") == true;
        var excluded = c.Params.List("InstanceSpecification.ExcludeDataVolumeId");
        c.Params.RejectUnknownTagSpecifications(["snapshot"]);
        var copyTags = c.Params.Get("CopyTagsFromSource") == "volume";
        var volumes = c.Region.Volumes
            .Where(v => v.AttachedInstanceId == instance.InstanceId)
            .Where(v => !(excludeBoot && v.Device == instance.RootDeviceName) && !excluded.Contains(v.VolumeId))
            .ToList();
        if (volumes.Count == 0)
            throw AwsError.InvalidParameterValue($"The instance '{instance.InstanceId}' has no volumes to snapshot.");
        var snapshots = volumes.Select(v =>
            Take(c, v, (copyTags ? c.Region.Tags.Of(v.VolumeId) : []).Concat(c.Params.TagsFor("snapshot")).ToList())).ToList();
        return [Set("snapshotSet", snapshots, s => Content(c, s, "state"))];
    }

    internal static object?[] Content(Ec2Context c, Snapshot s, string statusName) =>
    [
        V("snapshotId", s.SnapshotId), V("volumeId", s.VolumeId), V(statusName, s.Status(c.Now)),
        V("startTime", s.StartTime), V("progress", s.Progress(c.Now)), V("ownerId", s.OwnerId),
        V("volumeSize", s.VolumeSize), V("description", s.Description), V("encrypted", s.Encrypted), V("kmsKeyId", s.KmsKeyId),
        TagSet(c.Region.Tags.Of(s.SnapshotId)),
    ];
}
