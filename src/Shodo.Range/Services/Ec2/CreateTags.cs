using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.TagActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateTags: one of <see cref="TagActions"/>.</summary>
internal sealed class CreateTags : Ec2Action
{
    public override string Name => "CreateTags";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
