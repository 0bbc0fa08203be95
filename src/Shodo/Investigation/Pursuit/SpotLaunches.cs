using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;

namespace Shodo.Investigation.Pursuit;

/// <summary>
/// What the attacker's Spot requests launched, read now (no snapshot yet): the instances a request fulfilled appear in no
/// RunInstances event of the attacker's, and a persistent request relaunches what is stopped unless it is known for one.
/// Each request's type and instance come from one DescribeSpotInstanceRequests per region; one that cannot be read is
/// left as the events show it (the investigation reads it again).
/// </summary>
public static class SpotLaunches
{
    public static async Task<IReadOnlyList<AttackerResource>> AddAsync(AwsConnection aws, IReadOnlyList<AttackerResource> resources, CancellationToken ct)
    {
        var requests = resources.Where(r => r.Type == ResourceTypes.SpotRequest && r.Region is not null).ToList();
        if (requests.Count == 0) return resources;
        var read = await Task.WhenAll(requests.GroupBy(r => r.Region!).Select(async g =>
        {
            try
            {
                var answer = await aws.Ec2(g.Key).DescribeSpotInstanceRequestsAsync(
                    new DescribeSpotInstanceRequestsRequest { SpotInstanceRequestIds = g.Select(r => r.ResourceId).ToList() }, ct).ConfigureAwait(false);
                return answer.SpotInstanceRequests ?? [];
            }
            catch (AwsServiceError)
            {
                return [];
            }
        })).ConfigureAwait(false);
        var byId = read.SelectMany(x => x).ToDictionary(s => s.SpotInstanceRequestId, StringComparer.Ordinal);
        var known = resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<AttackerResource>();
        foreach (var r in resources)
        {
            if (r.Type != ResourceTypes.SpotRequest || !byId.TryGetValue(r.ResourceId, out var s)) { result.Add(r); continue; }
            var attributes = r.Attributes.DeepClone().AsObject();
            attributes["type"] = s.Type?.Value;
            attributes["instanceId"] = s.InstanceId;
            result.Add(r with { State = s.State?.Value ?? r.State, Attributes = attributes });
            if (s.InstanceId is not { Length: > 0 } instance || !known.Add(ResourceId.Of(ResourceTypes.Instance, r.Region, instance))) continue;
            result.Add(new AttackerResource
            {
                Id = ResourceId.Of(ResourceTypes.Instance, r.Region, instance), Type = ResourceTypes.Instance, Region = r.Region,
                ResourceId = instance, State = "unknown", CreatedBy = r.CreatedBy, CreatedAt = r.CreatedAt, EventIds = r.EventIds,
                Attributes = new JsonObject
                {
                    ["spotInstanceRequestId"] = r.ResourceId,
                    ["market"] = s.Type?.Value == "persistent" ? "spot-persistent" : "spot-one-time",
                },
            });
        }
        return result;
    }
}
