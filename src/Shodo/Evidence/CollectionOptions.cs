namespace Shodo.Evidence;

/// <summary>How a collection runs.</summary>
public sealed record CollectionOptions
{
    /// <summary>The collectors to run (default: every one in <see cref="CollectorCatalog"/>).</summary>
    public IReadOnlyList<ICollector> Collectors { get; init; } = CollectorCatalog.All;

    /// <summary>Regions to collect; null means every enabled region (EC2 DescribeRegions).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>AWS calls in flight at once, over all regions together.</summary>
    public int MaxConcurrentCalls { get; init; } = 16;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
