using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.ImageActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateImage: one of <see cref="ImageActions"/>.</summary>
internal sealed class CreateImage : Ec2Action
{
    public override string Name => "CreateImage";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
            RootDeviceName = instance.RootDeviceName,
        };
        // As EC2 does: one snapshot of each EBS volume attached to the instance, described after the image it backs.
        foreach (var volume in c.Region.Volumes.Where(v => v.AttachedInstanceId == instance.InstanceId).OrderBy(v => v.Device, StringComparer.Ordinal))
        {
            var snapshot = SnapshotActions.Take(c, volume, c.Params.TagsFor("snapshot"),
                $"Created by CreateImage({instance.InstanceId}) for {image.ImageId}");
            image.BlockDeviceMappings.Add(new ImageBlockDevice(volume.Device ?? instance.RootDeviceName, snapshot.SnapshotId, volume.Size,
                volume.VolumeType, volume.Encrypted, volume.DeleteOnTermination));
        }
        c.Region.Images.Add(image);
        c.Region.Tags.Set(image.ImageId, c.Params.TagsFor("image"));
        return [V("imageId", image.ImageId)!];
    }
}
