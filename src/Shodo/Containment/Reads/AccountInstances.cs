using Amazon.EC2.Model;
using Shodo.Aws.Connection;

namespace Shodo.Containment.Reads;

/// <summary>Every instance of one region (all pages), in brief.</summary>
public static class AccountInstances
{
    public sealed record Brief(string InstanceId, string Region, string? State, DateTimeOffset? LaunchTime, string? KeyName, string? InstanceType);

    public static async Task<IReadOnlyList<Brief>> ListAsync(AwsConnection aws, string region, CancellationToken ct)
    {
        var list = new List<Brief>();
        string? next = null;
        do
        {
            var page = await aws.Ec2(region).DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = next }, ct).ConfigureAwait(false);
            list.AddRange((page.Reservations ?? []).SelectMany(r => r.Instances ?? []).Select(i => new Brief(i.InstanceId, region,
                i.State?.Name?.Value, i.LaunchTime is { } t ? new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero) : null,
                i.KeyName, i.InstanceType?.Value)));
            next = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        } while (next is not null);
        return list;
    }
}
