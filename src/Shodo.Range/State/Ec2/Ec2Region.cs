namespace Shodo.Range.State.Ec2;

/// <summary>
/// The EC2 resources of one region of the account. Collections keep creation order, which is the
/// order Describe* operations list them in. Use under <see cref="RangeState.Sync"/>.
/// </summary>
public sealed partial class Ec2Region
{
    public Ec2Region(string region, string accountId, DateTimeOffset now)
    {
        Region = region;
        AccountId = accountId;
        Vpc = DefaultVpc.For(region);
        SecurityGroups.Add(SecurityGroup.Default(Vpc.VpcId));
        LastSettled = now;
    }

    public string Region { get; }
    public string AccountId { get; }
    public DefaultVpc Vpc { get; }
    public DateTimeOffset LastSettled { get; private set; }

    public List<Ec2Instance> Instances { get; } = [];
    public List<SpotRequest> SpotRequests { get; } = [];
    public List<KeyPair> KeyPairs { get; } = [];
    public List<SecurityGroup> SecurityGroups { get; } = [];
    public List<Volume> Volumes { get; } = [];
    public List<Snapshot> Snapshots { get; } = [];
    public List<LaunchTemplate> LaunchTemplates { get; } = [];
    public TagStore Tags { get; } = new();

    private int _nextPrivateIp;

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
        "launch-template" => LaunchTemplates.Any(t => t.LaunchTemplateId == resourceId),
        "vpc" => resourceId == Vpc.VpcId,
        "subnet" => Vpc.Subnets.Any(s => s.SubnetId == resourceId),
        "image" => true,
        _ => false,
    };

    private string NextPrivateIp(Subnet subnet)
    {
        var n = _nextPrivateIp++;
        return $"172.31.{subnet.ThirdOctetBase + n / 250 % 16}.{n % 250 + 4}";
    }

    private static string NewPublicIp() =>
        $"{(Random.Shared.Next(2) == 0 ? 3 : 54)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
