using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SecurityGroupActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateSecurityGroup: one of <see cref="SecurityGroupActions"/>.</summary>
internal sealed class CreateSecurityGroup : Ec2Action
{
    public override string Name => "CreateSecurityGroup";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var name = c.Params.Required("GroupName");
        var description = c.Params.Required("GroupDescription");
        var vpcId = c.Params.Get("VpcId") ?? c.Region.Vpc.VpcId;
        if (vpcId != c.Region.Vpc.VpcId) throw new AwsError("InvalidVpcID.NotFound", $"The vpc ID '{vpcId}' does not exist");
        if (name == "default") throw AwsError.InvalidParameterValue("Cannot use reserved security group name: default");
        if (c.Region.FindSecurityGroupNamed(name) is not null)
            throw new AwsError("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");
        c.Params.RejectUnknownTagSpecifications(["security-group"]);
        var group = SecurityGroup.Create(name, description, vpcId);
        if (c.Region.Timings.SecurityGroupPropagation > TimeSpan.Zero) group.AttachableFrom = c.Now + c.Region.Timings.SecurityGroupPropagation;
        c.Region.SecurityGroups.Add(group);
        c.Region.Tags.Set(group.GroupId, c.Params.TagsFor("security-group"));
        return [V("return", true)!, V("groupId", group.GroupId)!, TagSet(c.Region.Tags.Of(group.GroupId))];
    }
}
