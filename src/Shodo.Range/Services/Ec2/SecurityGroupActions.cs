using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CreateSecurityGroup, DescribeSecurityGroups, Authorize/RevokeSecurityGroupIngress/Egress in the
/// region's default VPC.
/// </summary>
public sealed class SecurityGroupActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateSecurityGroup", false, Create),
        new("DescribeSecurityGroups", true, Describe),
        new("AuthorizeSecurityGroupIngress", false, c => Authorize(c, egress: false)),
        new("AuthorizeSecurityGroupEgress", false, c => Authorize(c, egress: true)),
        new("RevokeSecurityGroupIngress", false, c => Revoke(c, egress: false)),
        new("RevokeSecurityGroupEgress", false, c => Revoke(c, egress: true)),
    ];

    private static IEnumerable<XElement> Create(Ec2Context c)
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

    private static SecurityGroup Target(Ec2Context c) =>
        c.Params.Get("GroupId") is { } id ? c.SecurityGroup(id)
        : c.Params.Get("GroupName") is { } name ? c.Region.FindSecurityGroupNamed(name) ?? throw Ec2Errors.GroupNotFound(name)
        : throw AwsError.MissingParameter("GroupId");

    private static IEnumerable<XElement> Authorize(Ec2Context c, bool egress)
    {
        var group = Target(c);
        var rules = IpPermissions.Read(c, egress);
        if (rules.Count == 0) throw AwsError.MissingParameter("IpPermissions");
        foreach (var rule in rules.Where(r => group.Rules.Any(r.SamePermission)))
            throw new AwsError("InvalidPermission.Duplicate", $"the specified rule \"{IpPermissions.Describe(rule)}\" already exists");
        group.Rules.AddRange(rules);
        return [Return(), IpPermissions.RuleSet(group, rules, c.AccountId)];
    }

    private static IEnumerable<XElement> Revoke(Ec2Context c, bool egress)
    {
        var group = Target(c);
        var byId = c.Params.List("SecurityGroupRuleId");
        var unknown = new List<SecurityGroupRule>();
        foreach (var id in byId)
            if (group.Rules.RemoveAll(r => r.RuleId == id && r.IsEgress == egress) == 0)
                throw new AwsError("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist");
        foreach (var rule in IpPermissions.Read(c, egress))
            if (group.Rules.RemoveAll(rule.SamePermission) == 0) unknown.Add(rule);
        return unknown.Count == 0 ? [Return()] : [Return(), IpPermissions.Xml("unknownIpPermissionSet", unknown, c.AccountId)];
    }

    private static IEnumerable<XElement?> Describe(Ec2Context c)
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

    private static IEnumerable<SecurityGroupRule> Ingress(SecurityGroup g) => g.Rules.Where(r => !r.IsEgress);
}
