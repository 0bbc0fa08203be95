using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks every document the journal says was written (<c>document.written</c>): the file exists and
/// its SHA-256 and size are those of the latest entry for its path. A document is journaled between
/// writing its temporary file and renaming it into place, so one more state is Shodo's own: the
/// previous version (or none) in place and the journaled one in the temporary file beside it — a write
/// in progress, or cut short by a crash (a note; the next run puts it in place).
/// <para>
/// A writer may be at work while this reads. A version in place was journaled before it was renamed,
/// so the latest entry journaled before the document is read is the one it must be (or the one before
/// it, its successor waiting in the temporary file). A version written after that is accepted only
/// when its own entry, appended meanwhile, is read and verified too (<see cref="JournalChain.Continue"/>).
/// </para>
/// </summary>
internal static class DocumentCheck
{
    public static (List<CaseFinding> Findings, List<CaseFinding> Notes, List<(int Line, DocumentRecord Record)> Pending, int Documents) Run(
        string caseDirectory, JournalChain chain)
    {
        var paths = Versions(chain).Keys.OrderBy(p => p, StringComparer.Ordinal).ToList();
        var findings = new List<CaseFinding>();
        var notes = new List<CaseFinding>();
        var pendingRenames = new List<(int Line, DocumentRecord Record)>();
        foreach (var path in paths)
        {
            var full = CaseFileNames.Full(caseDirectory, path);
            var journalLength = Length(Path.Combine(caseDirectory, CaseFileNames.Journal));
            // The temporary file first: a rename between the two reads then shows the new version in place.
            var temp = Read(CaseDocuments.TempPath(full));
            var current = Read(full);
            if (chain.ValidLength < journalLength) chain.Continue();
            var versions = Versions(chain)[path];
            var due = versions.FindLastIndex(v => v.End <= journalLength);
            if (due < 0) due = versions.Count - 1;
            var (line, record, _) = versions[due];
            var previous = due > 0 ? versions[due - 1].Record : null;

            if (current is not null && Matches(current, record)) continue;
            if (temp is not null && Matches(temp, record) && (previous is null ? current is null : current is not null && Matches(current, previous)))
            {
                notes.Add(new(path, null, Messages.Get("CaseVerifyNoteDocumentPending", path, line, path + ".tmp")));
                pendingRenames.Add((line, record));
                continue;
            }
            if (current is not null && WrittenMeanwhile(chain, path, due, current)) continue;
            findings.Add(current is null
                ? new(path, null, Messages.Get("CaseVerifyMissingFile", path))
                : new(path, null, Messages.Get("CaseVerifyDocumentAltered", path, line)));
        }
        return (findings, notes, pendingRenames, paths.Count);
    }

    /// <summary>Whether <paramref name="current"/> is a version journaled after the one due, now read and verified.</summary>
    private static bool WrittenMeanwhile(JournalChain chain, string path, int due, byte[] current)
    {
        for (var reading = 0; reading < 5; reading++)
        {
            if (Versions(chain)[path].Skip(due + 1).Any(v => Matches(current, v.Record))) return true;
            if (!chain.Continue()) return false;
        }
        return false;
    }

    private static Dictionary<string, List<(int Line, DocumentRecord Record, long End)>> Versions(JournalChain chain)
    {
        var versions = new Dictionary<string, List<(int Line, DocumentRecord Record, long End)>>(StringComparer.Ordinal);
        for (var i = 0; i < chain.Entries.Count; i++)
        {
            var (line, entry) = chain.Entries[i];
            if ((string?)entry["kind"] != JournalKinds.DocumentWritten || entry["data"] is not JsonObject data) continue;
            var record = DocumentRecord.FromJson(data);
            if (!versions.TryGetValue(record.Path, out var list)) versions[record.Path] = list = [];
            list.Add((line, record, chain.Ends[i]));
        }
        return versions;
    }

    private static byte[]? Read(string path)
    {
        try { return PrivateFiles.ReadShared(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static bool Matches(byte[] bytes, DocumentRecord record) =>
        bytes.LongLength == record.Size && ContentHash.Sha256(bytes) == record.Sha256;
}
