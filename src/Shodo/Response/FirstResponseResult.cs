namespace Shodo.Response;

/// <summary>How a first response ended: its case, what each step did, and whether anyone acknowledged.</summary>
public sealed record FirstResponseResult(string CaseDirectory, string CaseId, ResponseOutcome Outcome, bool Acknowledged);
