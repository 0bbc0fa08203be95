using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.ImageActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// DescribeImages (one of <see cref="ImageActions"/>): the AMIs this account owns in the region, scoped as EC2 scopes them —
/// <c>Owner.N</c> (<c>self</c> or the account's id; <c>amazon</c>, <c>aws-marketplace</c> and other accounts own nothing
/// here), <c>ExecutableBy.N</c> (<c>self</c> or the account's id: images it may launch, its own; <c>all</c>: the public ones;
/// another account: those shared with it), <c>ImageId.N</c> (each must exist: InvalidAMIID.NotFound, InvalidAMIID.Malformed),
/// filters, and MaxResults (5-1000) / NextToken paging, which EC2 refuses beside image ids.
/// </summary>
internal sealed class DescribeImages : Ec2Action
{
    public override string Name => "DescribeImages";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("ImageId");
        if (ids.Count > 0 && c.Params.Get("MaxResults") is not null)
            throw Ec2Errors.InvalidParameterCombination("The parameter imagesSet cannot be used with the parameter maxResults");
        var images = ids.Select(id => Find(c, id)).Distinct().ToList() is { Count: > 0 } named ? named : c.Region.Images.ToList();
        var owners = c.Params.List("Owner");
        if (owners.Count > 0 && !owners.Any(o => o == "self" || o == c.AccountId)) images = [];
        var executableBy = c.Params.List("ExecutableBy");
        if (executableBy.Count > 0)
            images = images.Where(i => executableBy.Any(e => e == "self" || e == c.AccountId || i.LaunchPermissions.Contains(e))).ToList();
        var filtered = Ec2Filter.Apply(images, c.Params.Filters(), (i, f) => Values(c, i, f), i => i.ImageId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("imagesSet", page, i => Content(c, i));
        yield return V("nextToken", next);
    }

    private static bool IsPublic(Image i) => i.LaunchPermissions.Contains(Public);

    private static IEnumerable<string?>? Values(Ec2Context c, Image i, string filter) => filter switch
    {
        "image-id" => [i.ImageId],
        "name" => [i.Name],
        "description" => [i.Description],
        "state" => [i.State(c.Now)],
        "owner-id" => [i.OwnerId],
        "is-public" => [IsPublic(i) ? "true" : "false"],
        "creation-date" => [Time(i.CreationDate)],
        "image-type" => ["machine"],
        "architecture" => ["x86_64"],
        "root-device-type" => ["ebs"],
        "root-device-name" => [i.RootDeviceName],
        "virtualization-type" => ["hvm"],
        "block-device-mapping.snapshot-id" => i.BlockDeviceMappings.Select(b => b.SnapshotId),
        "block-device-mapping.device-name" => i.BlockDeviceMappings.Select(b => b.DeviceName),
        "block-device-mapping.volume-size" => i.BlockDeviceMappings.Select(b => b.VolumeSize.ToString(CultureInfo.InvariantCulture)),
        "block-device-mapping.volume-type" => i.BlockDeviceMappings.Select(b => b.VolumeType),
        "block-device-mapping.encrypted" => i.BlockDeviceMappings.Select(b => b.Encrypted ? "true" : "false"),
        _ => null,
    };

    private static object?[] Content(Ec2Context c, Image i) =>
    [
        V("imageId", i.ImageId), V("imageLocation", $"{i.OwnerId}/{i.Name}"), V("imageState", i.State(c.Now)),
        V("imageOwnerId", i.OwnerId), V("creationDate", i.CreationDate), V("isPublic", IsPublic(i)), V("architecture", "x86_64"),
        V("imageType", "machine"), V("platformDetails", "Linux/UNIX"), V("usageOperation", "RunInstances"), V("name", i.Name),
        V("description", i.Description), V("rootDeviceType", "ebs"), V("rootDeviceName", i.RootDeviceName),
        Set("blockDeviceMapping", i.BlockDeviceMappings, b =>
        [
            V("deviceName", b.DeviceName),
            E("ebs", V("deleteOnTermination", b.DeleteOnTermination), V("snapshotId", b.SnapshotId), V("volumeSize", b.VolumeSize),
                V("volumeType", b.VolumeType), V("encrypted", b.Encrypted)),
        ]),
        V("virtualizationType", "hvm"), V("hypervisor", "xen"), V("enaSupport", true), TagSet(c.Region.Tags.Of(i.ImageId)),
    ];
}
