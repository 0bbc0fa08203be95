using System.Text.Json.Nodes;

namespace Shodo.Containment.Record;

/// <summary>
/// One containment action, keyed by its <c>actionId</c>. <see cref="Outcome"/> is one of done,
/// already-done, failed, skipped, pending-approval, needs-decision (null while not finished).
/// </summary>
public sealed record RecordedAction
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
    /// <summary><see cref="Reason"/> in each report language, when Shodo wrote it (an AWS error is AWS's own words).</summary>
    public IReadOnlyDictionary<string, string>? Reasons { get; init; }
    /// <summary>What a change sent says of itself (e.g. AWSDenyAll attached because the inline policies were full).</summary>
    public string? Note { get; init; }
    public bool RolledBack { get; init; }

    /// <summary>Still needs a person: waiting for approval or for a decision.</summary>
    public bool NeedsPerson => Outcome is "pending-approval" or "needs-decision";
}
