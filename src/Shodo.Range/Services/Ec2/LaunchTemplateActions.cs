using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateLaunchTemplate and DescribeLaunchTemplates; RunInstances can launch from one.</summary>
public sealed class LaunchTemplateActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateLaunchTemplate", false, Create),
        new("DescribeLaunchTemplates", true, Describe),
    ];

    /// <summary>The template a request names under <paramref name="prefix"/> (LaunchTemplateId or LaunchTemplateName), if any.</summary>
    public static LaunchTemplate? Referenced(Ec2Context c, string prefix)
    {
        if (c.Params.Get(prefix + ".LaunchTemplateId") is { } id) return ById(c, id);
        if (c.Params.Get(prefix + ".LaunchTemplateName") is { } name) return ByName(c, name);
        return null;
    }

    private static LaunchTemplate ById(Ec2Context c, string id) =>
        c.Region.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateId == id)
        ?? throw new AwsError("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");

    private static LaunchTemplate ByName(Ec2Context c, string name) =>
        c.Region.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateName == name)
        ?? throw new AwsError("InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {name}, does not exist.");

    private static IEnumerable<XElement> Create(Ec2Context c)
    {
        var name = c.Params.Required("LaunchTemplateName");
        if (c.Region.LaunchTemplates.Any(t => t.LaunchTemplateName == name))
            throw new AwsError("InvalidLaunchTemplateName.AlreadyExistsException", $"Launch template name already in use.");
        c.Params.RejectUnknownTagSpecifications(["launch-template"]);
        var template = new LaunchTemplate
        {
            LaunchTemplateId = Ec2Ids.New("lt"), LaunchTemplateName = name, CreateTime = c.Now,
            CreatedBy = c.Call.Caller.Arn, VersionDescription = c.Params.Get("VersionDescription"),
            ImageId = c.Params.Get("LaunchTemplateData.ImageId"), InstanceType = c.Params.Get("LaunchTemplateData.InstanceType"),
            KeyName = c.Params.Get("LaunchTemplateData.KeyName"),
        };
        c.Region.LaunchTemplates.Add(template);
        c.Region.Tags.Set(template.LaunchTemplateId, c.Params.TagsFor("launch-template"));
        return [E("launchTemplate", Item(c, template))];
    }

    private static object?[] Item(Ec2Context c, LaunchTemplate t) =>
    [
        V("launchTemplateId", t.LaunchTemplateId), V("launchTemplateName", t.LaunchTemplateName),
        V("createTime", t.CreateTime), V("createdBy", t.CreatedBy),
        V("defaultVersionNumber", t.DefaultVersionNumber), V("latestVersionNumber", t.LatestVersionNumber),
        TagSet(c.Region.Tags.Of(t.LaunchTemplateId)),
    ];

    private static IEnumerable<XElement?> Describe(Ec2Context c)
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
