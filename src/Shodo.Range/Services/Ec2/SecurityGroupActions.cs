using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CreateSecurityGroup, DescribeSecurityGroups, Authorize/RevokeSecurityGroupIngress/Egress in the
/// region's default VPC.
/// </summary>
internal static class SecurityGroupActions
{
    internal static SecurityGroup Target(Ec2Context c) =>
        c.Params.Get("GroupId") is { } id ? c.SecurityGroup(id)
        : c.Params.Get("GroupName") is { } name ? c.Region.FindSecurityGroupNamed(name) ?? throw Ec2Errors.GroupNotFound(name)
        : throw AwsError.MissingParameter("GroupId");

    internal static IEnumerable<XElement> Authorize(Ec2Context c, bool egress)
    {
        var group = Target(c);
        var rules = IpPermissions.Read(c, egress);
        if (rules.Count == 0) throw AwsError.MissingParameter("IpPermissions");
        foreach (var rule in rules.Where(r => group.Rules.Any(r.SamePermission)))
            throw new AwsError("InvalidPermission.Duplicate", $"the specified rule \"{IpPermissions.Describe(rule)}\" already exists");
        group.Rules.AddRange(rules);
        return [Return(), IpPermissions.RuleSet(group, rules, c.AccountId)];
    }

    internal static IEnumerable<XElement> Revoke(Ec2Context c, bool egress)
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

    internal static IEnumerable<SecurityGroupRule> Ingress(SecurityGroup g) => g.Rules.Where(r => !r.IsEgress);
}
