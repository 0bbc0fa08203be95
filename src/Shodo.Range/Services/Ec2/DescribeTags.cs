using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.TagActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeTags: one of <see cref="TagActions"/>.</summary>
internal sealed class DescribeTags : Ec2Action
{
    public override string Name => "DescribeTags";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
