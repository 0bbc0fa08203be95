using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// Security group permissions: read from <c>IpPermissions.N.*</c> (or the older top-level
/// IpProtocol/FromPort/ToPort/CidrIp form the CLI's --protocol/--port/--cidr use) into one rule per
/// peer, and regrouped into AWS's IpPermission shape for responses.
/// </summary>
public static class IpPermissions
{
    public static List<SecurityGroupRule> Read(Ec2Context c, bool egress)
    {
        var p = c.Params;
        var rules = new List<SecurityGroupRule>();
        foreach (var m in p.Members("IpPermissions"))
        {
            var protocol = Protocol(p.Get(m + ".IpProtocol") ?? throw AwsError.MissingParameter(m + ".IpProtocol"));
            var (from, to) = Ports(protocol, p.Int(m + ".FromPort"), p.Int(m + ".ToPort"));
            SecurityGroupRule Rule() => new(Ec2Ids.New("sgr"), egress, protocol, from, to);
            foreach (var r in p.Members(m + ".IpRanges"))
                rules.Add(Rule() with { CidrIpv4 = p.Required(r + ".CidrIp"), Description = p.Get(r + ".Description") });
            foreach (var r in p.Members(m + ".Ipv6Ranges"))
                rules.Add(Rule() with { CidrIpv6 = p.Required(r + ".CidrIpv6"), Description = p.Get(r + ".Description") });
            foreach (var r in p.Members(m + ".PrefixListIds"))
                rules.Add(Rule() with { PrefixListId = p.Required(r + ".PrefixListId"), Description = p.Get(r + ".Description") });
            foreach (var r in p.Members(m + ".Groups"))
            {
                var group = p.Get(r + ".GroupId") is { } id ? c.SecurityGroup(id)
                    : c.Region.FindSecurityGroupNamed(p.Required(r + ".GroupName")) ?? throw Ec2Errors.GroupNotFound(p.Get(r + ".GroupName")!);
                rules.Add(Rule() with { ReferencedGroupId = group.GroupId, Description = p.Get(r + ".Description") });
            }
        }
        if (p.Get("IpProtocol") is { } legacy)
        {
            var protocol = Protocol(legacy);
            var (from, to) = Ports(protocol, p.Int("FromPort"), p.Int("ToPort"));
            var rule = new SecurityGroupRule(Ec2Ids.New("sgr"), egress, protocol, from, to);
            if (p.Get("CidrIp") is { } cidr) rules.Add(rule with { CidrIpv4 = cidr });
            if (p.Get("SourceSecurityGroupName") is { } name)
                rules.Add(rule with { ReferencedGroupId = (c.Region.FindSecurityGroupNamed(name) ?? throw Ec2Errors.GroupNotFound(name)).GroupId });
        }
        return rules;
    }

    private static string Protocol(string value) => value.ToLowerInvariant() switch
    {
        "all" or "-1" => "-1",
        "6" or "tcp" => "tcp",
        "17" or "udp" => "udp",
        "1" or "icmp" => "icmp",
        "58" or "icmpv6" => "icmpv6",
        var other when int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out _) => other,
        var other => throw AwsError.InvalidParameterValue($"Invalid value '{other}' for IP protocol. Unknown protocol."),
    };

    private static (int?, int?) Ports(string protocol, int? from, int? to) =>
        protocol is "-1" ? (null, null)
        : protocol is "tcp" or "udp" && (from is null || to is null)
            ? throw new AwsError("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.")
            : (from, to);

    public static string Describe(SecurityGroupRule r) =>
        $"peer: {r.CidrIpv4 ?? r.CidrIpv6 ?? r.ReferencedGroupId ?? r.PrefixListId}, {(r.IpProtocol == "-1" ? "ALL" : r.IpProtocol.ToUpperInvariant())}, from port: {r.FromPort?.ToString(CultureInfo.InvariantCulture) ?? "None"}, to port: {r.ToPort?.ToString(CultureInfo.InvariantCulture) ?? "None"}, ALLOW";

    /// <summary>Rules regrouped by protocol and ports, as IpPermissions / IpPermissionsEgress.</summary>
    public static XElement Xml(string name, IEnumerable<SecurityGroupRule> rules, string accountId) =>
        Set(name, rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort)), g =>
        [
            V("ipProtocol", g.Key.IpProtocol), V("fromPort", g.Key.FromPort), V("toPort", g.Key.ToPort),
            Set("groups", g.Where(r => r.ReferencedGroupId is not null), r =>
                [V("description", r.Description), V("groupId", r.ReferencedGroupId), V("userId", accountId)]),
            Set("ipRanges", g.Where(r => r.CidrIpv4 is not null), r => [V("cidrIp", r.CidrIpv4), V("description", r.Description)]),
            Set("ipv6Ranges", g.Where(r => r.CidrIpv6 is not null), r => [V("cidrIpv6", r.CidrIpv6), V("description", r.Description)]),
            Set("prefixListIds", g.Where(r => r.PrefixListId is not null), r => [V("prefixListId", r.PrefixListId), V("description", r.Description)]),
        ]);

    public static XElement RuleSet(SecurityGroup group, IEnumerable<SecurityGroupRule> rules, string accountId) =>
        Set("securityGroupRuleSet", rules, r =>
        [
            V("securityGroupRuleId", r.RuleId), V("groupId", group.GroupId), V("groupOwnerId", accountId),
            V("isEgress", r.IsEgress), V("ipProtocol", r.IpProtocol), V("fromPort", r.FromPort ?? -1), V("toPort", r.ToPort ?? -1),
            V("cidrIpv4", r.CidrIpv4), V("cidrIpv6", r.CidrIpv6), V("prefixListId", r.PrefixListId),
            r.ReferencedGroupId is null ? null : E("referencedGroupInfo", V("groupId", r.ReferencedGroupId), V("userId", accountId)),
            V("description", r.Description),
        ]);
}
