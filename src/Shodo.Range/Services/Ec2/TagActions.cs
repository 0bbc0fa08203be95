using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateTags, DeleteTags, DescribeTags over every EC2 resource of the region.</summary>
public sealed class TagActions : IEc2Actions
{
    private const int MaxTagsPerResource = 50;

    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateTags", false, CreateTags),
        new("DeleteTags", false, DeleteTags),
        new("DescribeTags", true, DescribeTags),
    ];

    private static List<string> Resources(Ec2Context c)
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

    private static AwsError NotFound(string type, string id) => type switch
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

    private static IEnumerable<XElement> CreateTags(Ec2Context c)
    {
        var ids = Resources(c);
        var tags = c.Params.Tags();
        if (tags.Count == 0) throw AwsError.MissingParameter("Tag");
        foreach (var tag in tags.Where(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
            throw AwsError.InvalidParameterValue($"Value ( {tag.Key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");
        foreach (var id in ids)
            if (c.Region.Tags.Of(id).Select(t => t.Key).Union(tags.Select(t => t.Key)).Count() > MaxTagsPerResource)
                throw new AwsError("TagLimitExceeded", $"The maximum number of Tags for a resource has been reached. Resource ID: {id}");
        foreach (var id in ids) c.Region.Tags.Set(id, tags);
        return [Return()];
    }

    private static IEnumerable<XElement> DeleteTags(Ec2Context c)
    {
        var ids = Resources(c);
        var members = c.Params.Members("Tag");
        foreach (var id in ids)
        {
            if (members.Count == 0) c.Region.Tags.RemoveAll(id);
            foreach (var m in members) c.Region.Tags.Remove(id, c.Params.Required(m + ".Key"), c.Params.Get(m + ".Value"));
        }
        return [Return()];
    }

    private static IEnumerable<XElement?> DescribeTags(Ec2Context c)
    {
        var all = c.Region.Tags.ByResource
            .Where(kv => c.Region.Exists(kv.Key))
            .SelectMany(kv => kv.Value.Select(t => (ResourceId: kv.Key, Type: Ec2Ids.ResourceType(kv.Key)!, Tag: t)))
            .OrderBy(x => x.ResourceId, StringComparer.Ordinal);
        var filtered = Ec2Filter.Apply(all, c.Params.Filters(), (x, f) => f switch
        {
            "key" => [x.Tag.Key],
            "value" => [x.Tag.Value],
            "resource-id" => [x.ResourceId],
            "resource-type" => [x.Type],
            _ => null,
        }, x => x.ResourceId, new TagStore()).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("tagSet", page, x =>
            [V("resourceId", x.ResourceId), V("resourceType", x.Type), V("key", x.Tag.Key), V("value", x.Tag.Value)]);
        yield return V("nextToken", next);
    }
}
