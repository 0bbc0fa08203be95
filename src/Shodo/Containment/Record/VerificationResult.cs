using Shodo.Investigation.Model;

namespace Shodo.Containment.Record;

/// <summary>
/// What verification found: contained or not, what remains (with why), what appeared since planning, and
/// what it could not read (then it cannot say contained: it did not see).
/// </summary>
public sealed record VerificationResult(string PlanSha256, DateTimeOffset VerifiedAt, IReadOnlyList<RemainingItem> Remaining,
    IReadOnlyList<AttackerResource> NewResources)
{
    public IReadOnlyList<UnreadItem> Unread { get; init; } = [];

    public bool Contained => Remaining.Count == 0 && NewResources.Count == 0 && Unread.Count == 0;
}

/// <summary>An action whose after-state does not hold (or that was not applied), and why.</summary>
public sealed record RemainingItem(string ActionId, string Target, string Reason);
