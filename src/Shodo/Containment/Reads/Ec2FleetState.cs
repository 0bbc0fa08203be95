using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws.Errors;

namespace Shodo.Containment.Reads;

/// <summary>
/// An EC2 Fleet (CreateFleet) as containment sees it, in the shape of <see cref="SpotFleetState"/>: its type (a
/// <c>maintain</c> fleet replaces a member that stops running), state, TotalTargetCapacity as <c>targetCapacity</c> and
/// excess-capacity policy (the before-state a roll-back restores; EC2 reports <c>termination</c> when none was given).
/// An unknown id reads as <c>exists: false</c>.
/// </summary>
public static class Ec2FleetState
{
    /// <summary>The tag EC2 puts on every instance an EC2 Fleet launches.</summary>
    public const string FleetTag = "aws:ec2:fleet-id";

    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string region, string id, CancellationToken ct)
    {
        try
        {
            var answer = await context.Aws.Ec2(region).DescribeFleetsAsync(new DescribeFleetsRequest { FleetIds = [id] }, ct).ConfigureAwait(false);
            if (answer.Fleets?.FirstOrDefault(f => f.FleetId == id) is { } fleet)
                return new JsonObject
                {
                    ["exists"] = true, ["fleetId"] = id, ["region"] = region,
                    ["state"] = fleet.FleetState?.Value,
                    ["type"] = fleet.Type?.Value,
                    ["targetCapacity"] = fleet.TargetCapacitySpecification?.TotalTargetCapacity,
                    ["defaultTargetCapacityType"] = fleet.TargetCapacitySpecification?.DefaultTargetCapacityType?.Value,
                    ["excessCapacityTerminationPolicy"] = fleet.ExcessCapacityTerminationPolicy?.Value,
                };
        }
        catch (AwsServiceError e) when (e.Code is "InvalidFleetId.NotFound")
        {
        }
        return new JsonObject { ["exists"] = false, ["fleetId"] = id, ["region"] = region };
    }

    /// <summary>Deleted (DeleteFleets, by someone else) or failed: it launches nothing more.</summary>
    public static bool IsEnded(JsonObject state) => (string?)state["state"] is "deleted" or "deleted_running" or "deleted_terminating" or "failed";
}
