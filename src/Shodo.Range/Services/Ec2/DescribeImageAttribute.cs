using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.ImageActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeImageAttribute: one of <see cref="ImageActions"/>.</summary>
internal sealed class DescribeImageAttribute : Ec2Action
{
    public override string Name => "DescribeImageAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var attribute = c.Params.Required("Attribute");
        var image = Find(c, c.Params.Required("ImageId"));
        yield return V("imageId", image.ImageId);
        yield return attribute switch
        {
            LaunchPermission => Set(LaunchPermission, image.LaunchPermissions, v => [v == Public ? V("group", v) : V("userId", v)]),
            "description" => E("description", V("value", image.Description)),
            "productCodes" => E("productCodes"),
            _ => throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
    }
}
