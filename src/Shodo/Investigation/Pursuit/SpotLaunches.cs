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
/// Each request's type and instance come from DescribeSpotInstanceRequests per region, asked by the
/// <c>spot-instance-request-id</c> filter, not by id: AWS refuses a whole call by ids when one of them is gone (a request
/// closed or cancelled hours ago), which would leave every other request of the region unread. One that cannot be read is
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
                return await ReadAsync(aws, g.Key, g.Select(r => r.ResourceId).Distinct().ToList(), ct).ConfigureAwait(false);
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

    /// <summary>The filter takes at most 200 values; each batch is read to its last page.</summary>
    private static async Task<List<SpotInstanceRequest>> ReadAsync(AwsConnection aws, string region, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = new List<SpotInstanceRequest>();
        foreach (var batch in ids.Chunk(200))
        {
            string? next = null;
            do
            {
                var answer = await aws.Ec2(region).DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest
                {
                    Filters = [new Filter("spot-instance-request-id", [.. batch])], MaxResults = 1000, NextToken = next,
                }, ct).ConfigureAwait(false);
                found.AddRange(answer.SpotInstanceRequests ?? []);
                next = answer.NextToken;
            } while (!string.IsNullOrEmpty(next));
        }
        return found;
    }
}
