namespace Shodo.Cases;

/// <summary>The journal entry kinds the case folder itself writes. Features add their own ("containment.before", ...).</summary>
public static class JournalKinds
{
    public const string CaseOpened = "case.opened";
    public const string EvidenceStored = "evidence.stored";
    public const string InterlockRefused = "interlock.refused";
    public const string DocumentWritten = "document.written";
    /// <summary>A writer opening the case put right what a crash left (<see cref="CaseRepair"/>).</summary>
    public const string CaseRepaired = "case.repaired";
}
