using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SecurityGroupActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSecurityGroups: one of <see cref="SecurityGroupActions"/>.</summary>
internal sealed class DescribeSecurityGroups : Ec2Action
{
    public override string Name => "DescribeSecurityGroups";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("GroupId");
        var names = c.Params.List("GroupName");
        foreach (var id in ids) c.SecurityGroup(id);
        foreach (var name in names.Where(n => c.Region.FindSecurityGroupNamed(n) is null))
            throw new AwsError("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC '{c.Region.Vpc.VpcId}'");
        var groups = c.Region.SecurityGroups.Where(g =>
            (ids.Count == 0 || ids.Contains(g.GroupId)) && (names.Count == 0 || names.Contains(g.GroupName)));
        var filtered = Ec2Filter.Apply(groups, c.Params.Filters(), (g, f) => f switch
        {
            "group-id" => [g.GroupId],
            "group-name" => [g.GroupName],
            "vpc-id" => [g.VpcId],
            "description" => [g.Description],
            "owner-id" => [c.AccountId],
            "ip-permission.cidr" => Ingress(g).Select(r => r.CidrIpv4),
            "ip-permission.protocol" => Ingress(g).Select(r => r.IpProtocol),
            "ip-permission.from-port" => Ingress(g).Select(r => r.FromPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "ip-permission.to-port" => Ingress(g).Select(r => r.ToPort?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "ip-permission.group-id" => Ingress(g).Select(r => r.ReferencedGroupId),
            "egress.ip-permission.cidr" => g.Rules.Where(r => r.IsEgress).Select(r => r.CidrIpv4),
            _ => null,
        }, g => g.GroupId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("securityGroupInfo", page, g =>
        [
            V("ownerId", c.AccountId), V("groupId", g.GroupId), V("groupName", g.GroupName),
            V("groupDescription", g.Description), V("vpcId", g.VpcId),
            IpPermissions.Xml("ipPermissions", Ingress(g), c.AccountId),
            IpPermissions.Xml("ipPermissionsEgress", g.Rules.Where(r => r.IsEgress), c.AccountId),
            TagSet(c.Region.Tags.Of(g.GroupId)),
        ]);
        yield return V("nextToken", next);
    }
}
