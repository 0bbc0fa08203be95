using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeVolumes: the root volumes instances launched with, and any left behind.</summary>
internal sealed class DescribeVolumes : Ec2Action
{
    public override string Name => "DescribeVolumes";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("VolumeId");
        foreach (var id in ids.Where(id => c.Region.FindVolume(id) is null)) throw Ec2Errors.VolumeNotFound(id);
        var volumes = ids.Count > 0 ? ids.Select(id => c.Region.FindVolume(id)!) : c.Region.Volumes;
        var filtered = Ec2Filter.Apply(volumes, c.Params.Filters(), (v, f) => f switch
        {
            "volume-id" => [v.VolumeId],
            "status" => [v.Status],
            "attachment.instance-id" => [v.AttachedInstanceId],
            "attachment.device" => [v.Device],
            "attachment.status" => [v.AttachedInstanceId is null ? null : "attached"],
            "attachment.delete-on-termination" => [v.AttachedInstanceId is null ? null : v.DeleteOnTermination ? "true" : "false"],
            "availability-zone" => [v.AvailabilityZone],
            "size" => [v.Size.ToString(CultureInfo.InvariantCulture)],
            "volume-type" => [v.VolumeType],
            "snapshot-id" => [v.SnapshotId],
            "encrypted" => [v.Encrypted ? "true" : "false"],
            "create-time" => [Time(v.CreateTime)],
            _ => null,
        }, v => v.VolumeId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("volumeSet", page, v =>
        [
            V("volumeId", v.VolumeId), V("size", v.Size), V("snapshotId", v.SnapshotId ?? ""),
            V("availabilityZone", v.AvailabilityZone), V("status", v.Status), V("createTime", v.CreateTime),
            Set("attachmentSet", v.AttachedInstanceId is null ? [] : new[] { v }, a =>
            [
                V("volumeId", a.VolumeId), V("instanceId", a.AttachedInstanceId), V("device", a.Device),
                V("status", "attached"), V("attachTime", a.AttachTime), V("deleteOnTermination", a.DeleteOnTermination),
            ]),
            V("volumeType", v.VolumeType), V("iops", v.Iops), V("encrypted", v.Encrypted), V("kmsKeyId", v.KmsKeyId), V("throughput", v.Throughput),
            V("multiAttachEnabled", false), TagSet(c.Region.Tags.Of(v.VolumeId)),
        ]);
        yield return V("nextToken", next);
    }
}
