using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws.Errors;

namespace Shodo.Containment.Reads;

/// <summary>
/// A Spot Fleet request as containment sees it: its type (a <c>maintain</c> fleet replaces a member that stops running),
/// state, target capacity and excess-capacity policy (the before-state a roll-back restores). An unknown id reads as
/// <c>exists: false</c>.
/// </summary>
public static class SpotFleetState
{
    /// <summary>The tag EC2 puts on every instance a Spot Fleet launches.</summary>
    public const string FleetTag = "aws:ec2spot:fleet-request-id";

    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string region, string id, CancellationToken ct)
    {
        try
        {
            var answer = await context.Aws.Ec2(region).DescribeSpotFleetRequestsAsync(
                new DescribeSpotFleetRequestsRequest { SpotFleetRequestIds = [id] }, ct).ConfigureAwait(false);
            if (answer.SpotFleetRequestConfigs?.FirstOrDefault(f => f.SpotFleetRequestId == id) is { } fleet)
                return new JsonObject
                {
                    ["exists"] = true, ["spotFleetRequestId"] = id, ["region"] = region,
                    ["state"] = fleet.SpotFleetRequestState?.Value,
                    ["type"] = fleet.ConfigData?.Type?.Value,
                    ["targetCapacity"] = fleet.ConfigData?.TargetCapacity,
                    ["excessCapacityTerminationPolicy"] = fleet.ConfigData?.ExcessCapacityTerminationPolicy?.Value,
                };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidSpotFleetRequestId.NotFound")
        {
        }
        return new JsonObject { ["exists"] = false, ["spotFleetRequestId"] = id, ["region"] = region };
    }

    public static bool IsCancelled(JsonObject state) => (string?)state["state"] is "cancelled" or "cancelled_running" or "cancelled_terminating";
}
