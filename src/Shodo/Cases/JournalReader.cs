namespace Shodo.Cases;

/// <summary>
/// Reads a case's journal for the steps that build on it (resume, reports, drills): the entries of
/// the verified chain, in order, up to the first damaged line. Takes no lock; a writer may be
/// appending. Use <see cref="CaseVerifier"/> to learn whether the journal is intact.
/// </summary>
public static class JournalReader
{
    public static IReadOnlyList<JournalEntry> Read(CaseFolder folder) =>
        JournalChain.Walk(folder.Directory).Entries.Select(e => JournalEntry.FromJson(e.Entry)).ToList();

    /// <summary>The entries of one kind, in order.</summary>
    public static IReadOnlyList<JournalEntry> Read(CaseFolder folder, string kind) =>
        Read(folder).Where(e => e.Kind == kind).ToList();
}
