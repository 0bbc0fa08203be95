using Shodo.Cases;

namespace Shodo.Response;

/// <summary>How a first response ended: its case, what each step did, and whether anyone acknowledged.</summary>
public sealed record FirstResponseResult(string CaseDirectory, string CaseId, ResponseOutcome Outcome, bool Acknowledged)
{
    /// <summary>Nobody acknowledged and the escalation is to go on in a detached <c>shodo escalate</c> (journaled: escalation.handed-off).</summary>
    public bool EscalationHandedOff { get; init; }

    /// <summary>The case read as any reader sees it (no lock): what the response wrote.</summary>
    public CaseFolder Folder => CaseFolder.At(CaseDirectory);
}
