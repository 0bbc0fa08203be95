namespace Shodo.Range.State;

/// <summary>One AWS region as DescribeRegions reports it for this account.</summary>
public sealed class AwsRegion(string name, string optInStatus, string dnsSuffix = "amazonaws.com")
{
    /// <summary>Regions launched before 20 March 2019 are enabled in every account and cannot be disabled.</summary>
    public const string OptInNotRequired = "opt-in-not-required", OptedIn = "opted-in", NotOptedIn = "not-opted-in";

    public string Name { get; } = name;
    public string OptInStatus { get; set; } = optInStatus;
    public string Endpoint => $"ec2.{Name}.{dnsSuffix}";
    public bool IsEnabled => OptInStatus != NotOptedIn;
}

/// <summary>
/// The regions of the simulated account: the default-enabled ones and the opt-in ones, each with
/// its opt-in status. Scenarios opt the account into regions with <see cref="OptIn"/>.
/// </summary>
public sealed class Regions(string partition = RangePartitions.Aws)
{
    /// <summary>Regions every account has (launched before March 2019).</summary>
    public static readonly IReadOnlyList<string> DefaultEnabled =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
        "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "sa-east-1",
    ];

    /// <summary>Regions an account must opt into before it can use them.</summary>
    public static readonly IReadOnlyList<string> OptInRegions =
    [
        "af-south-1", "ap-east-1", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
        "me-central-1", "me-south-1", "mx-central-1",
    ];

    private readonly List<AwsRegion> _all = partition == RangePartitions.Aws
        ?
        [
            .. DefaultEnabled.Select(n => new AwsRegion(n, AwsRegion.OptInNotRequired)),
            .. OptInRegions.Select(n => new AwsRegion(n, AwsRegion.NotOptedIn)),
        ]
        : RangePartitions.Regions(partition).Select(n => new AwsRegion(n, AwsRegion.OptInNotRequired, RangePartitions.DnsSuffix(partition))).ToList();

    /// <summary>Every region, sorted by name as DescribeRegions lists them.</summary>
    public IReadOnlyList<AwsRegion> All => _all.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<AwsRegion> Enabled => All.Where(r => r.IsEnabled).ToList();

    public AwsRegion? Find(string name) => _all.FirstOrDefault(r => r.Name == name);

    public bool IsEnabled(string name) => Find(name)?.IsEnabled == true;

    public void OptIn(string name) => SetOptIn(name, AwsRegion.OptedIn);

    public void OptOut(string name) => SetOptIn(name, AwsRegion.NotOptedIn);

    private void SetOptIn(string name, string status)
    {
        var region = Find(name) ?? throw new ArgumentException($"Unknown region {name}", nameof(name));
        if (region.OptInStatus == AwsRegion.OptInNotRequired)
            throw new InvalidOperationException($"{name} is enabled by default and cannot be changed");
        region.OptInStatus = status;
    }
}
