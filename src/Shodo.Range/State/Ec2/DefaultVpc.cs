namespace Shodo.Range.State.Ec2;

/// <summary>A default subnet: one per availability zone in the default VPC, as in every AWS account.</summary>
public sealed record Subnet(string SubnetId, string AvailabilityZone, string CidrBlock, int ThirdOctetBase);

/// <summary>The default VPC (172.31.0.0/16) every region of an AWS account starts with.</summary>
public sealed class DefaultVpc
{
    public string VpcId { get; set; } = Ec2Ids.New("vpc");
    public string CidrBlock { get; set; } = "172.31.0.0/16";
    public List<Subnet> Subnets { get; set; } = [];

    public static DefaultVpc For(string region)
    {
        var vpc = new DefaultVpc();
        var zones = new[] { 'a', 'b', 'c' };
        for (var i = 0; i < zones.Length; i++)
            vpc.Subnets.Add(new Subnet(Ec2Ids.New("subnet"), region + zones[i], $"172.31.{i * 16}.0/20", i * 16));
        return vpc;
    }
}
