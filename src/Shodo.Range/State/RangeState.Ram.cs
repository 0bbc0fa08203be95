using Shodo.Range.State.Ram;

namespace Shodo.Range.State;

/// <summary>AWS RAM: the resource shares the account owns, per region.</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, List<ResourceShare>> _ram = new(StringComparer.Ordinal);

    /// <summary>The shares the account owns in a region, in creation order (callers lock <see cref="Sync"/>).</summary>
    public List<ResourceShare> ResourceShares(string region)
    {
        lock (Sync)
        {
            if (!_ram.TryGetValue(region, out var shares)) _ram[region] = shares = [];
            return shares;
        }
    }

    /// <summary>Every region's shares, for the state file.</summary>
    public List<RamRegionData> SaveRam() => _ram.Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal)
        .Select(r => new RamRegionData(r.Key, [.. r.Value])).ToList();

    /// <summary>Replaces the account's shares with saved ones.</summary>
    public void LoadRam(IEnumerable<RamRegionData> regions)
    {
        _ram.Clear();
        foreach (var data in regions) ResourceShares(data.Region).AddRange(data.Shares);
    }
}
