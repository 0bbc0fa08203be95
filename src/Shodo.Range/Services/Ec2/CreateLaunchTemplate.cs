using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.LaunchTemplateActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateLaunchTemplate: one of <see cref="LaunchTemplateActions"/>.</summary>
internal sealed class CreateLaunchTemplate : Ec2Action
{
    public override string Name => "CreateLaunchTemplate";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
