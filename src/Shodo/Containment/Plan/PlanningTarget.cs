using System.Text.Json.Nodes;

namespace Shodo.Containment.Plan;

/// <summary>
/// What an action needs to decide whether it applies to a target and with which parameters: the target,
/// its state as just read (the before-state the plan records), whether the attacker created it, and the case.
/// </summary>
public sealed record PlanningTarget(ContainmentTarget Target, JsonObject State, bool CreatedByAttacker, string CaseId)
{
    /// <summary>For the role Shodo entered a member by: deny only sessions issued before this (Planning.ResponderSessionCut).</summary>
    public DateTimeOffset? IssuedBefore { get; init; }

    public bool IsOneTimeSpot => (string?)State["spotRequest"]?["type"] == "one-time";

    /// <summary>
    /// The fleet of type maintain the instance belongs to (<see cref="Reads.InstanceFleet"/>), or null: EC2 lets such a member
    /// be stopped even when it is a one-time Spot Instance, and it is stopped once the fleet is held.
    /// </summary>
    public ContainmentTarget? MaintainFleet => Reads.InstanceFleet.Maintaining(State, Target.Region);

    /// <summary>A Spot instance (one-time or persistent): EC2 refuses termination protection on it and may reclaim it at any time.</summary>
    public bool IsSpot => (string?)State["lifecycle"] == "spot" || State["spotRequest"] is JsonObject;

    /// <summary>An instance already stopping or stopped: a stop an earlier plan sent holds, and nothing runs to isolate.</summary>
    public bool IsStoppingOrStopped => (string?)State["state"] is "stopping" or "stopped";

    public bool HasInstanceStoreRoot => (string?)State["rootDeviceType"] == "instance-store";

    /// <summary>A Spot instance whose request is already cancelled or closed: EC2 refuses to stop it (UnsupportedOperation).</summary>
    public bool IsSpotWhoseRequestEnded => (string?)State["spotRequest"]?["state"] is "cancelled" or "closed";

    /// <summary>
    /// An instance that cannot be stopped without losing it or its evidence — a one-time Spot instance (unless a maintain
    /// fleet launched it) or one whose request was already cancelled (stopping is refused), or an instance-store root
    /// (stopping wipes it) — is isolated instead; null for one that can be stopped.
    /// </summary>
    public string? WhyIsolateInsteadOfStop => IsStoppingOrStopped ? null // stopped already (by an earlier plan): nothing runs to isolate
        : IsOneTimeSpot && MaintainFleet is null ? "one-time-spot"
        : IsSpotWhoseRequestEnded ? "spot-request-ended"
        : HasInstanceStoreRoot ? "instance-store-root" : null;

    public bool HasVolumes => State["volumes"] is JsonArray { Count: > 0 };
}
