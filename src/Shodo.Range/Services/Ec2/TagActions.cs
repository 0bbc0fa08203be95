using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateTags, DeleteTags, DescribeTags over every EC2 resource of the region.</summary>
internal static class TagActions
{
    internal const int MaxTagsPerResource = 50;

    internal static List<string> Resources(Ec2Context c)
    {
        var ids = c.Params.List("ResourceId");
        if (ids.Count == 0) throw AwsError.MissingParameter("ResourceId");
        foreach (var id in ids)
        {
            var type = Ec2Ids.ResourceType(id) ?? throw new AwsError("InvalidID", $"The ID '{id}' is not valid");
            if (!c.Region.Exists(id)) throw NotFound(type, id);
        }
        return ids;
    }

    internal static AwsError NotFound(string type, string id) => type switch
    {
        "instance" => Ec2Errors.InstancesNotFound([id]),
        "volume" => Ec2Errors.VolumeNotFound(id),
        "snapshot" => Ec2Errors.SnapshotNotFound(id),
        "security-group" => Ec2Errors.GroupNotFound(id),
        "spot-instances-request" => Ec2Errors.SpotRequestNotFound(id),
        "key-pair" => Ec2Errors.KeyPairNotFound(id),
        "launch-template" => new("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist."),
        "vpc" => new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist"),
        "subnet" => new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist"),
        _ => new("InvalidID", $"The ID '{id}' is not valid"),
    };
}
