using System.Text.Json.Nodes;

namespace Shodo.Reports.Facts;

/// <summary>Containment as the journal recorded it: each action's before and after state and outcome, and the last check.</summary>
public sealed record ContainmentFacts(
    IReadOnlyList<ContainmentAction> Actions,
    ContainmentCheck? LastCheck,
    DateTimeOffset? PlannedAt,
    ApprovalFacts? Approval)
{
    public static ContainmentFacts None { get; } = new([], null, null, null);
}

/// <summary>
/// One containment action, keyed by its <c>actionId</c>. <see cref="Outcome"/> is one of done,
/// already-done, failed, skipped, pending-approval, needs-decision (null while not finished).
/// </summary>
public sealed record ContainmentAction
{
    public required string ActionId { get; init; }
    public string? Target { get; init; }
    public string? Operation { get; init; }
    public string? Description { get; init; }
    public JsonNode? Before { get; init; }
    public DateTimeOffset? BeforeAt { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }
    public JsonNode? After { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset? OutcomeAt { get; init; }
    public string? Reason { get; init; }
    public bool RolledBack { get; init; }

    /// <summary>Still needs a person: waiting for approval or for a decision.</summary>
    public bool NeedsPerson => Outcome is "pending-approval" or "needs-decision";
}

public sealed record ContainmentCheck(DateTimeOffset Time, bool Contained, IReadOnlyList<string> Remaining, IReadOnlyList<string> NewResources);

public sealed record ApprovalFacts(DateTimeOffset Time, string? By);
