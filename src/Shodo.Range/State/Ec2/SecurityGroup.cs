namespace Shodo.Range.State.Ec2;

/// <summary>
/// One permission of a security group: a protocol and port range open to CIDRs or other groups.
/// Stored one peer per rule (as AWS's security group rules are) and regrouped for IpPermissions.
/// </summary>
public sealed record SecurityGroupRule(
    string RuleId, bool IsEgress, string IpProtocol, int? FromPort, int? ToPort,
    string? CidrIpv4 = null, string? CidrIpv6 = null, string? ReferencedGroupId = null,
    string? PrefixListId = null, string? Description = null)
{
    /// <summary>Same protocol, ports and peer: what makes an authorization a duplicate.</summary>
    public bool SamePermission(SecurityGroupRule other) =>
        IsEgress == other.IsEgress && IpProtocol == other.IpProtocol && FromPort == other.FromPort
        && ToPort == other.ToPort && CidrIpv4 == other.CidrIpv4 && CidrIpv6 == other.CidrIpv6
        && ReferencedGroupId == other.ReferencedGroupId && PrefixListId == other.PrefixListId;
}

public sealed class SecurityGroup
{
    public required string GroupId { get; init; }
    public required string GroupName { get; init; }
    public required string Description { get; init; }
    public required string VpcId { get; init; }
    public List<SecurityGroupRule> Rules { get; set; } = [];
    /// <summary>Before this time the group cannot be attached yet (eventual consistency); null: at once.</summary>
    public DateTimeOffset? AttachableFrom { get; set; }

    /// <summary>A new group allows all outbound traffic, as on AWS.</summary>
    public static SecurityGroup Create(string name, string description, string vpcId)
    {
        var group = new SecurityGroup { GroupId = Ec2Ids.New("sg"), GroupName = name, Description = description, VpcId = vpcId };
        group.Rules.Add(new SecurityGroupRule(Ec2Ids.New("sgr"), true, "-1", null, null, CidrIpv4: "0.0.0.0/0"));
        return group;
    }

    /// <summary>The VPC's default group: all traffic from itself in, everything out.</summary>
    public static SecurityGroup Default(string vpcId)
    {
        var group = Create("default", "default VPC security group", vpcId);
        group.Rules.Insert(0, new SecurityGroupRule(Ec2Ids.New("sgr"), false, "-1", null, null, ReferencedGroupId: group.GroupId));
        return group;
    }
}
