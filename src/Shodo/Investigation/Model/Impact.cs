namespace Shodo.Investigation.Model;

/// <summary>What the incident costs and which data it exposed, with what cannot be known said plainly.</summary>
public sealed record Impact
{
    public required CostEstimate Cost { get; init; }
    /// <summary>Personal data first, then by name.</summary>
    public IReadOnlyList<DataExposure> DataExposure { get; init; } = [];
}

public sealed record CostEstimate
{
    /// <summary>The price table's date and source (Shodo ships it as data).</summary>
    public required string PriceTable { get; init; }
    public string Currency { get; init; } = "USD";
    public required DateTimeOffset AsOf { get; init; }
    public IReadOnlyList<InstanceCost> Instances { get; init; } = [];
    public decimal TotalSoFar { get; init; }
    /// <summary>What the running attacker instances cost per hour if nothing is done.</summary>
    public decimal BurnRatePerHour { get; init; }
    /// <summary>Instance types with no price in the table (their cost is not in the totals).</summary>
    public IReadOnlyList<string> UnknownTypes { get; init; } = [];
}

public sealed record InstanceCost(string ResourceId, string Region, string InstanceType, string Market, string? State,
    decimal? PricePerHour, double HoursSoFar, decimal? CostSoFar);

/// <summary>
/// One bucket or database: could the attacker reach it, did they, and how we know — or why we cannot.
/// </summary>
public sealed record DataExposure
{
    /// <summary>s3-bucket, rds-instance, rds-snapshot, rds-cluster-snapshot, ebs-snapshot (one the attacker shared out, or one the state shows open to another account that no attacker event explains), ram-share (one open outside the organisation that no attacker event explains) or ami (one the state shows launchable by another account or public that no attacker event explains), or ebs-volume (one the attacker's own calls named).</summary>
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public string? Region { get; init; }
    /// <summary>Tagged (or named) as holding personal data.</summary>
    public bool PersonalData { get; init; }
    /// <summary>Whether the attacker identities' policies allow reading it; null when it cannot be evaluated.</summary>
    public bool? Reachable { get; init; }
    /// <summary>What lets the attacker read it: each policy (whose, which) or bucket-policy grant that allows it.</summary>
    public IReadOnlyList<string> ReachableThrough { get; init; } = [];
    /// <summary>When <see cref="Reachable"/> is null: each policy that could decide it and was not read.</summary>
    public IReadOnlyList<string> ReachUnknown { get; init; } = [];
    /// <summary><see cref="ReachUnknown"/> in each report language (en, ja), item by item.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ReachUnknownTexts { get; init; } = [];
    /// <summary>What would have let everyone in and Block Public Access blocks, naming the setting and whose (the bucket's or the account's).</summary>
    public IReadOnlyList<string> ReachBlockedBy { get; init; } = [];
    /// <summary><see cref="ReachBlockedBy"/> in each report language (en, ja), item by item.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ReachBlockedByTexts { get; init; } = [];
    public required AccessVerdict Accessed { get; init; }
    /// <summary>One sentence: how we know, or why it cannot be known.</summary>
    public required string Explanation { get; init; }
    /// <summary><see cref="Explanation"/> in each report language (en, ja).</summary>
    public IReadOnlyDictionary<string, string>? Explanations { get; init; }
    /// <summary>Objects read (S3 GetObject), with bytes when the events say.</summary>
    public IReadOnlyList<ObjectAccess> Objects { get; init; } = [];
    public long? BytesRead { get; init; }
    /// <summary>Outside accounts a snapshot is shared with.</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    /// <summary>Why access cannot be known: data-events-not-logged, logging-stopped, before-sources, denied, ...</summary>
    public IReadOnlyList<string> Unknowable { get; init; } = [];
    public IReadOnlyList<string> EventIds { get; init; } = [];
}

/// <summary>Accessed: events show it. NotAccessed: logged and no access seen. Unknown: cannot be determined.</summary>
public enum AccessVerdict { Accessed, NotAccessed, Unknown }

public sealed record ObjectAccess(string Key, string Operation, DateTimeOffset Time, long? Bytes, string EventId);
