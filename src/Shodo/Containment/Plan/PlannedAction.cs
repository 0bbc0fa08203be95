using System.Text.Json.Nodes;

namespace Shodo.Containment.Plan;

/// <summary>
/// One change in a containment plan: what it does to which target, why (the identities, resources and
/// findings behind it), the evidence of the target's state when planned, what the target looks like
/// afterwards, whether and how it can be undone, and who may apply it.
/// </summary>
public sealed record PlannedAction
{
    /// <summary>Stable across re-plans: <c>ACTION/TARGET-KEY</c>, so a done action is recognised.</summary>
    public required string Id { get; init; }
    /// <summary>The registered action's name (<c>IContainmentAction.Name</c>).</summary>
    public required string Action { get; init; }
    public required ContainmentTarget Target { get; init; }
    /// <summary>The attacker identity this action is grouped under (its own identity, or the one that created the resource).</summary>
    public string? Identity { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<string> Identities { get; init; } = [];
    public IReadOnlyList<string> Resources { get; init; } = [];
    public IReadOnlyList<string> Findings { get; init; } = [];
    /// <summary>SHA-256 of the evidence record holding the target's state read when planning.</summary>
    public string? BeforeEvidence { get; init; }
    /// <summary>The facts about the target that must not have changed when applying (else the plan is stale).</summary>
    public JsonObject Fingerprint { get; init; } = new();
    public required string ExpectedAfter { get; init; }
    public required bool Reversible { get; init; }
    public required string Reverse { get; init; }
    public required AuthorityLevel Authority { get; init; }
    /// <summary>1 deny policies, 2 keys and identity tags, 3 instances, 4 what would relaunch instances.</summary>
    public required int Phase { get; init; }
    /// <summary>Order within the target's chain (tag, snapshot, clear stop protection, termination protection, stop).</summary>
    public required int Step { get; init; }
    public JsonObject Parameters { get; init; } = new();
}
