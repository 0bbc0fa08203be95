using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws.Errors;

namespace Shodo.Containment.Reads;

/// <summary>A spot instance request as containment sees it: type (one-time, persistent), state, its instance.</summary>
public static class SpotRequestState
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string region, string requestId, CancellationToken ct)
    {
        try
        {
            var answer = await context.Aws.Ec2(region).DescribeSpotInstanceRequestsAsync(
                new DescribeSpotInstanceRequestsRequest { SpotInstanceRequestIds = [requestId] }, ct).ConfigureAwait(false);
            var r = (answer.SpotInstanceRequests ?? []).FirstOrDefault(x => x.SpotInstanceRequestId == requestId);
            if (r is not null)
                return new JsonObject
                {
                    ["exists"] = true, ["spotInstanceRequestId"] = requestId, ["region"] = region,
                    ["type"] = r.Type?.Value, ["state"] = r.State?.Value, ["instanceId"] = r.InstanceId,
                };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidSpotInstanceRequestID.NotFound")
        {
        }
        return new JsonObject { ["exists"] = false, ["spotInstanceRequestId"] = requestId, ["region"] = region };
    }
}
