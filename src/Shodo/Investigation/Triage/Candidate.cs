namespace Shodo.Investigation.Triage;

/// <summary>
/// An identity that shows signs of compromise, for a person to confirm. Nothing is contained for a
/// candidate: <c>shodo respond --resume CASE --access-key-id …</c> (or <c>--user-name</c>) confirms it.
/// </summary>
public sealed record Candidate(CandidateId Id, string? UserName, IReadOnlyList<Sign> Signs)
{
    /// <summary>No other candidate created this one, and it created others: where the compromise most likely started.</summary>
    public bool LikelyOrigin { get; init; }

    /// <summary>The candidates that created this one (its key or user).</summary>
    public IReadOnlyList<CandidateId> CreatedBy { get; init; } = [];

    /// <summary>How many different kinds of sign point at it: two or more is strong.</summary>
    public int SignKindCount => Signs.Select(s => s.Kind).Distinct(StringComparer.Ordinal).Count();

    public string Strength => SignKindCount >= 2 ? "strong" : "weak";

    public DateTimeOffset? FirstSeen => Signs.Select(s => s.FirstSeen).Where(t => t is not null).DefaultIfEmpty(null).Min();

    /// <summary>The respond arguments that confirm this candidate; null for principals respond cannot start from (roles, root).</summary>
    public string? ConfirmArguments => Id.Kind switch
    {
        CandidateId.AccessKey => $"--access-key-id {Id.Id}",
        CandidateId.User => $"--user-name {Id.Id}",
        _ => null,
    };
}
