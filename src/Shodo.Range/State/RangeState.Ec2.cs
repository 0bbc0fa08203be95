using Shodo.Range.State.Ec2;

namespace Shodo.Range.State;

/// <summary>The account's regions and its EC2 resources, one <see cref="Ec2Region"/> per region.</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, Ec2Region> _ec2 = new(StringComparer.Ordinal);

    public Regions Regions { get; } = new();

    /// <summary>
    /// The EC2 resources of one region, created on first use with its default VPC and security
    /// group, and settled to the simulated time (instances that finished starting are running).
    /// Call under <see cref="Sync"/>.
    /// </summary>
    public Ec2Region Ec2(string region)
    {
        if (!_ec2.TryGetValue(region, out var ec2))
            _ec2[region] = ec2 = new Ec2Region(region, AccountId, Clock.Now);
        ec2.Settle(Clock.Now);
        return ec2;
    }

    /// <summary>The regions that already hold EC2 state.</summary>
    public IReadOnlyCollection<Ec2Region> Ec2Regions => _ec2.Values;
}
