using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.LaunchTemplateActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeLaunchTemplates: one of <see cref="LaunchTemplateActions"/>.</summary>
internal sealed class DescribeLaunchTemplates : Ec2Action
{
    public override string Name => "DescribeLaunchTemplates";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("LaunchTemplateId");
        var names = c.Params.List("LaunchTemplateName");
        var templates = ids.Count > 0 ? ids.Select(id => ById(c, id))
            : names.Count > 0 ? names.Select(n => ByName(c, n))
            : c.Region.LaunchTemplates;
        var filtered = Ec2Filter.Apply(templates, c.Params.Filters(), (t, f) => f switch
        {
            "launch-template-name" => [t.LaunchTemplateName],
            "create-time" => [Time(t.CreateTime)],
            _ => null,
        }, t => t.LaunchTemplateId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"), min: 1, max: 200);
        yield return Set("launchTemplates", page, t => Item(c, t));
        yield return V("nextToken", next);
    }
}
