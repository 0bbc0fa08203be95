namespace Shodo.Range.State;

/// <summary>
/// Everything the simulated account holds. Each service keeps its own part in a partial class file
/// of its own (<c>RangeState.Iam.cs</c>, <c>RangeState.Ec2.cs</c>...), so adding a service does not
/// touch the others. All reads and writes happen under <see cref="Sync"/>: the range is a test
/// double, and one lock keeps every operation atomic and every test deterministic.
/// </summary>
public sealed partial class RangeState(string accountId, RangeClock clock, string partition = RangePartitions.Aws, object? sync = null)
{
    /// <summary>The lock around every access; the accounts of one organisation share it (a cross-account call is atomic).</summary>
    public object Sync { get; } = sync ?? new();
    public string AccountId { get; } = accountId;
    /// <summary>The AWS partition the account is in (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>): its ARNs and regions follow.</summary>
    public string Partition { get; } = RangePartitions.Check(partition);
    public RangeClock Clock { get; } = clock;

    /// <summary>Every call the range served, in order, for CloudTrail.</summary>
    public List<CallRecord> Calls { get; } = [];

    /// <summary>The organisation this account belongs to (range serve --accounts N), or null for a standalone account.</summary>
    public Organizations.RangeOrganization? Organization { get; set; }
}
