using System.Text.Json.Nodes;

namespace Shodo.Containment.Record;

/// <summary>Containment as the journal recorded it: each action's before and after state and outcome, and the last check.</summary>
public sealed record ContainmentFacts(
    IReadOnlyList<RecordedAction> Actions,
    ContainmentCheck? LastCheck,
    DateTimeOffset? PlannedAt,
    ApprovalFacts? Approval)
{
    public static ContainmentFacts None { get; } = new([], null, null, null);
}

public sealed record ContainmentCheck(DateTimeOffset Time, bool Contained, IReadOnlyList<string> Remaining, IReadOnlyList<string> NewResources);

public sealed record ApprovalFacts(DateTimeOffset Time, string? By);
