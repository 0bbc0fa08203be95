using System.Text.Json.Nodes;

namespace Shodo.Containment.Reads;

/// <summary>
/// The fleet an instance belongs to (Spot Fleet, tag <c>aws:ec2spot:fleet-request-id</c>; EC2 Fleet, tag
/// <c>aws:ec2:fleet-id</c>), read beside the instance when it is planned and kept in its state as <c>fleet</c> (kind, id,
/// type, state, capacity): a member of a <c>maintain</c> fleet can be stopped, one-time Spot or not, once the fleet is
/// held, and it must not be stopped before (the fleet would launch a replacement).
/// </summary>
public static class InstanceFleet
{
    public static async Task NoteAsync(ContainmentContext c, string region, JsonObject instance, CancellationToken ct)
    {
        JsonObject fleet;
        string kind;
        if ((string?)instance["tags"]?[SpotFleetState.FleetTag] is { Length: > 0 } spotFleet)
            (kind, fleet) = (TargetKinds.SpotFleet, await SpotFleetState.ReadAsync(c, region, spotFleet, ct).ConfigureAwait(false));
        else if ((string?)instance["tags"]?[Ec2FleetState.FleetTag] is { Length: > 0 } ec2Fleet)
            (kind, fleet) = (TargetKinds.Ec2Fleet, await Ec2FleetState.ReadAsync(c, region, ec2Fleet, ct).ConfigureAwait(false));
        else return;
        if ((bool?)fleet["exists"] != true) return;
        instance["fleet"] = new JsonObject
        {
            ["kind"] = kind, ["id"] = (string?)fleet["spotFleetRequestId"] ?? (string?)fleet["fleetId"], ["type"] = (string?)fleet["type"],
            ["state"] = (string?)fleet["state"], ["targetCapacity"] = (int?)fleet["targetCapacity"],
            ["excessCapacityTerminationPolicy"] = (string?)fleet["excessCapacityTerminationPolicy"],
        };
    }

    /// <summary>The maintain fleet (not cancelled or deleted) a planned instance's state names, or null.</summary>
    public static ContainmentTarget? Maintaining(JsonObject instance, string? region) =>
        instance["fleet"] is JsonObject f && (string?)f["type"] == "maintain" && !SpotFleetState.IsCancelled(f) && !Ec2FleetState.IsEnded(f)
        && (string?)f["kind"] is { } kind && (string?)f["id"] is { } id
            ? new ContainmentTarget(kind, id, region)
            : null;
}
