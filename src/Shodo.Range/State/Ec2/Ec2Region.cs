namespace Shodo.Range.State.Ec2;

/// <summary>
/// The EC2 resources of one region of the account. Collections keep creation order, which is the
/// order Describe* operations list them in. Use under <see cref="RangeState.Sync"/>.
/// </summary>
public sealed partial class Ec2Region
{
    /// <summary>A new region: its default VPC, subnets and default security group.</summary>
    public Ec2Region(string region, string accountId, DateTimeOffset now)
        : this(region, accountId, DefaultVpc.For(region), now)
    {
        SecurityGroups.Add(SecurityGroup.Default(Vpc.VpcId));
    }

    /// <summary>A region as saved in a state file (collections are set by the serializer).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Ec2Region(string region, string accountId, DefaultVpc vpc, DateTimeOffset lastSettled)
    {
        Region = region;
        AccountId = accountId;
        Vpc = vpc;
        LastSettled = lastSettled;
    }

    public string Region { get; }
    public string AccountId { get; }
    public DefaultVpc Vpc { get; }
    public DateTimeOffset LastSettled { get; private set; }
    [System.Text.Json.Serialization.JsonIgnore]
    public Ec2Timings Timings { get; set; } = new();

    public List<Ec2Instance> Instances { get; init; } = [];
    public List<SpotRequest> SpotRequests { get; init; } = [];
    public List<KeyPair> KeyPairs { get; init; } = [];
    public List<SecurityGroup> SecurityGroups { get; init; } = [];
    public List<Volume> Volumes { get; init; } = [];
    public List<Snapshot> Snapshots { get; init; } = [];
    /// <summary>AMIs the account created here (CreateImage).</summary>
    public List<Image> Images { get; init; } = [];
    public List<LaunchTemplate> LaunchTemplates { get; init; } = [];
    public TagStore Tags { get; init; } = new();
    /// <summary>How many private addresses have been handed out (the next one follows).</summary>
    public int PrivateIpsAssigned { get; set; }

    public IEnumerable<string> AvailabilityZones => Vpc.Subnets.Select(s => s.AvailabilityZone);

    public Ec2Instance? FindInstance(string id) => Instances.FirstOrDefault(i => i.InstanceId == id);
    public SecurityGroup? FindSecurityGroup(string id) => SecurityGroups.FirstOrDefault(g => g.GroupId == id);
    public SecurityGroup? FindSecurityGroupNamed(string name) => SecurityGroups.FirstOrDefault(g => g.GroupName == name);
    public SecurityGroup DefaultSecurityGroup => SecurityGroups.First(g => g.GroupName == "default");
    public KeyPair? FindKeyPair(string name) => KeyPairs.FirstOrDefault(k => k.KeyName == name);
    public Volume? FindVolume(string id) => Volumes.FirstOrDefault(v => v.VolumeId == id);
    public SpotRequest? FindSpotRequest(string id) => SpotRequests.FirstOrDefault(s => s.SpotInstanceRequestId == id);

    /// <summary>Whether a resource id names something that exists in this region (for tagging).</summary>
    public bool Exists(string resourceId) => Ec2Ids.ResourceType(resourceId) switch
    {
        "instance" => FindInstance(resourceId) is not null,
        "volume" => FindVolume(resourceId) is not null,
        "snapshot" => Snapshots.Any(s => s.SnapshotId == resourceId),
        "security-group" => FindSecurityGroup(resourceId) is not null,
        "key-pair" => KeyPairs.Any(k => k.KeyPairId == resourceId),
        "spot-instances-request" => FindSpotRequest(resourceId) is not null,
        "spot-fleet-request" => FindSpotFleet(resourceId) is not null,
        "fleet" => FindEc2Fleet(resourceId) is not null,
        "launch-template" => LaunchTemplates.Any(t => t.LaunchTemplateId == resourceId),
        "vpc" => resourceId == Vpc.VpcId,
        "subnet" => Vpc.Subnets.Any(s => s.SubnetId == resourceId),
        "image" => true, // public AMIs too: the range does not list the catalogue
        _ => false,
    };

    private string NextPrivateIp(Subnet subnet)
    {
        var n = PrivateIpsAssigned++;
        return $"172.31.{subnet.ThirdOctetBase + n / 250 % 16}.{n % 250 + 4}";
    }

    private static string NewPublicIp() =>
        $"{(Random.Shared.Next(2) == 0 ? 3 : 54)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
