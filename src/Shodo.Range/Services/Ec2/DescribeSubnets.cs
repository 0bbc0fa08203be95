using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeVpcs and DescribeSubnets: the region's default VPC and its default subnet per zone.</summary>
internal sealed class DescribeSubnets : Ec2Action
{
    public override string Name => "DescribeSubnets";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("SubnetId");
        foreach (var id in ids.Where(id => c.Region.Vpc.Subnets.All(s => s.SubnetId != id)))
            throw new Serving.AwsError("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");
        var subnets = c.Region.Vpc.Subnets.Where(s => ids.Count == 0 || ids.Contains(s.SubnetId));
        subnets = Ec2Filter.Apply(subnets, c.Params.Filters(), (s, f) => f switch
        {
            "subnet-id" => [s.SubnetId],
            "vpc-id" => [c.Region.Vpc.VpcId],
            "availability-zone" => [s.AvailabilityZone],
            "cidr-block" or "cidr" or "cidrBlock" => [s.CidrBlock],
            "default-for-az" or "defaultForAz" => ["true"],
            "state" => ["available"],
            _ => null,
        }, s => s.SubnetId, c.Region.Tags);
        yield return Set("subnetSet", subnets, s =>
        [
            V("subnetId", s.SubnetId), V("subnetArn", $"arn:{c.Call.State.Partition}:ec2:{c.Call.Region}:{c.AccountId}:subnet/{s.SubnetId}"),
            V("state", "available"), V("ownerId", c.AccountId), V("vpcId", c.Region.Vpc.VpcId), V("cidrBlock", s.CidrBlock),
            V("availableIpAddressCount", 4091 - c.Region.Instances.Count(i => i.SubnetId == s.SubnetId && i.State != InstanceStates.Terminated)),
            V("availabilityZone", s.AvailabilityZone), V("defaultForAz", true), V("mapPublicIpOnLaunch", true),
            V("assignIpv6AddressOnCreation", false), TagSet(c.Region.Tags.Of(s.SubnetId)),
        ]);
    }
}
