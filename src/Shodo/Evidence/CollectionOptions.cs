namespace Shodo.Evidence;

/// <summary>How a collection runs.</summary>
public sealed record CollectionOptions
{
    /// <summary>The collectors to run (default: every one in <see cref="CollectorCatalog"/>).</summary>
    public IReadOnlyList<ICollector> Collectors { get; init; } = CollectorCatalog.All;

    /// <summary>Regions to collect; null means every enabled region (EC2 DescribeRegions).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>
    /// AWS calls in flight at once to one service in one region (IAM: the account): AWS's request rates are per account,
    /// service and region, so a region's EC2 answers never queue behind IAM's per-user reads, nor IAM behind 19 regions.
    /// </summary>
    public int MaxConcurrentCallsPerService { get; init; } = 16;

    /// <summary>AWS calls in flight at once over every service and region together: what this machine holds, not an AWS limit.</summary>
    public int MaxConcurrentCalls { get; init; } = 64;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
