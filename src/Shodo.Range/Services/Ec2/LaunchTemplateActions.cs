using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateLaunchTemplate and DescribeLaunchTemplates; RunInstances can launch from one.</summary>
internal static class LaunchTemplateActions
{
    /// <summary>The template a request names under <paramref name="prefix"/> (LaunchTemplateId or LaunchTemplateName), if any.</summary>
    public static LaunchTemplate? Referenced(Ec2Context c, string prefix)
    {
        if (c.Params.Get(prefix + ".LaunchTemplateId") is { } id) return ById(c, id);
        if (c.Params.Get(prefix + ".LaunchTemplateName") is { } name) return ByName(c, name);
        return null;
    }

    internal static LaunchTemplate ById(Ec2Context c, string id) =>
        c.Region.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateId == id)
        ?? throw new AwsError("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id}, does not exist.");

    internal static LaunchTemplate ByName(Ec2Context c, string name) =>
        c.Region.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateName == name)
        ?? throw new AwsError("InvalidLaunchTemplateName.NotFoundException", $"The specified launch template, with template name {name}, does not exist.");

    internal static object?[] Item(Ec2Context c, LaunchTemplate t) =>
    [
        V("launchTemplateId", t.LaunchTemplateId), V("launchTemplateName", t.LaunchTemplateName),
        V("createTime", t.CreateTime), V("createdBy", t.CreatedBy),
        V("defaultVersionNumber", t.DefaultVersionNumber), V("latestVersionNumber", t.LatestVersionNumber),
        TagSet(c.Region.Tags.Of(t.LaunchTemplateId)),
    ];
}
