using Shodo.Range.State.Ec2;

namespace Shodo.Range.State;

/// <summary>The account's regions and its EC2 resources, one <see cref="Ec2Region"/> per region.</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, Ec2Region> _ec2 = new(StringComparer.Ordinal);

    public Regions Regions { get; } = new(partition);

    /// <summary>How long EC2's transient states last in every region.</summary>
    public Ec2Timings Ec2Timings { get; set; } = new();

    /// <summary>
    /// The EC2 resources of one region, created on first use with its default VPC and security
    /// group, and settled to the simulated time (instances that finished starting are running).
    /// Call under <see cref="Sync"/>.
    /// </summary>
    public Ec2Region Ec2(string region)
    {
        if (!_ec2.TryGetValue(region, out var ec2))
            _ec2[region] = ec2 = new Ec2Region(region, AccountId, Clock.Now);
        ec2.Timings = Ec2Timings;
        ec2.Settle(Clock.Now);
        SettleAutoScaling(region, ec2);
        return ec2;
    }

    /// <summary>The regions that already hold EC2 state.</summary>
    public IReadOnlyCollection<Ec2Region> Ec2Regions => _ec2.Values;

    /// <summary>The account's regions and EC2 resources, for the state file.</summary>
    public Ec2AccountData SaveEc2() => new(
        Regions.All.ToDictionary(r => r.Name, r => r.OptInStatus), Ec2Timings, _ec2.Values.ToList());

    /// <summary>Replaces the account's regions and EC2 resources with saved ones.</summary>
    public void LoadEc2(Ec2AccountData data)
    {
        foreach (var (name, status) in data.OptInStatus)
            if (Regions.Find(name) is { } region && region.OptInStatus != AwsRegion.OptInNotRequired
                && status != AwsRegion.OptInNotRequired)
                region.OptInStatus = status;
        Ec2Timings = data.Timings;
        _ec2.Clear();
        foreach (var region in data.Regions) _ec2[region.Region] = region;
    }
}
