using Amazon.EC2.Model;
using Shodo.Aws.Connection;

namespace Shodo.Aws.Ec2;

/// <summary>
/// Which regions exist for the account and which are enabled: EC2 DescribeRegions with
/// AllRegions=true, keeping each region's opt-in status. Attackers launch in every enabled region,
/// so "all regions" means exactly the enabled ones: opt-in-not-required or opted-in.
/// </summary>
public static class RegionDiscovery
{
    public static async Task<IReadOnlyList<AwsRegion>> ListAsync(AwsConnection connection, CancellationToken ct = default)
    {
        var answer = await connection.Ec2().DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, ct);
        return (answer.Regions ?? [])
            .Select(r => new AwsRegion(r.RegionName, r.OptInStatus ?? "opt-in-not-required", r.Endpoint))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<IReadOnlyList<AwsRegion>> EnabledAsync(AwsConnection connection, CancellationToken ct = default) =>
        (await ListAsync(connection, ct)).Where(r => r.Enabled).ToList();
}

/// <summary>A region and its opt-in status (opt-in-not-required, opted-in, not-opted-in).</summary>
public sealed record AwsRegion(string Name, string OptInStatus, string? Endpoint)
{
    public bool Enabled => OptInStatus is "opt-in-not-required" or "opted-in";
}
