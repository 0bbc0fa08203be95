using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeVpcs and DescribeSubnets: the region's default VPC and its default subnet per zone.</summary>
internal sealed class DescribeVpcs : Ec2Action
{
    public override string Name => "DescribeVpcs";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var vpc = c.Region.Vpc;
        var ids = c.Params.List("VpcId");
        foreach (var id in ids.Where(id => id != vpc.VpcId))
            throw new Serving.AwsError("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");
        var vpcs = Ec2Filter.Apply([vpc], c.Params.Filters(), (v, f) => f switch
        {
            "vpc-id" => [v.VpcId],
            "cidr" or "cidr-block-association.cidr-block" => [v.CidrBlock],
            "is-default" => ["true"],
            "state" => ["available"],
            "owner-id" => [c.AccountId],
            _ => null,
        }, v => v.VpcId, c.Region.Tags);
        yield return Set("vpcSet", vpcs, v =>
        [
            V("vpcId", v.VpcId), V("ownerId", c.AccountId), V("state", "available"), V("cidrBlock", v.CidrBlock),
            V("dhcpOptionsId", "dopt-" + v.VpcId[4..12]), V("instanceTenancy", "default"), V("isDefault", true),
            TagSet(c.Region.Tags.Of(v.VpcId)),
        ]);
    }
}
