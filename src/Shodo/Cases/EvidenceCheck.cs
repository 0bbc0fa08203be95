using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks the evidence. The journal's <c>evidence.stored</c> entries are the record: every blob they
/// name exists, the blob file's SHA-256 is the recorded <c>blobSha256</c>, and it decompresses to
/// content whose SHA-256 and size are the recorded ones. <c>evidence/index.jsonl</c> is derived from
/// them: line <i>n</i> is exactly the data of the <i>n</i>-th entry. The index is written after the
/// journal, so it may lack the last record while a store is in progress or after a crash cut one
/// short (a note; the next run restores it) — never more than that one, and never a line the journal
/// does not hold.
/// </summary>
internal static class EvidenceCheck
{
    private const string Index = CaseFileNames.EvidenceIndex;

    /// <param name="index">The index's bytes, read before the journal (null when the file is missing).</param>
    /// <param name="journalLengthBefore">The journal's length when the index was read: what the index must already reflect.</param>
    public static (List<CaseFinding> Findings, List<CaseFinding> Notes, int Records, int Blobs) Run(
        string caseDirectory, JournalChain chain, byte[]? index, long journalLengthBefore)
    {
        var findings = new List<CaseFinding>();
        var notes = new List<CaseFinding>();
        var stored = new List<(int Line, JsonObject Data, long End, int Position)>();
        for (var i = 0; i < chain.Entries.Count; i++)
            if ((string?)chain.Entries[i].Entry["kind"] == JournalKinds.EvidenceStored)
                stored.Add((chain.Entries[i].Line, chain.Entries[i].Entry["data"]!.AsObject(), chain.Ends[i], i));

        if (index is null)
        {
            if (stored.Count > 0) findings.Add(new(Index, null, Messages.Get("CaseVerifyMissingFile", Index)));
        }
        else
            CheckIndex(chain, index, journalLengthBefore, stored, findings, notes);

        var blobs = 0;
        foreach (var group in stored.GroupBy(r => (string?)r.Data["sha256"] ?? ""))
        {
            blobs++;
            var finding = CheckBlob(caseDirectory, group.First().Line, group.First().Data);
            if (finding is not null) findings.Add(finding);
        }
        return (findings, notes, stored.Count, blobs);
    }

    private static void CheckIndex(JournalChain chain, byte[] index, long journalLengthBefore,
        List<(int Line, JsonObject Data, long End, int Position)> stored, List<CaseFinding> findings, List<CaseFinding> notes)
    {
        var lines = CaseLine.Read(index);
        var indexed = 0;
        foreach (var line in lines)
        {
            var n = line.Number;
            if (n > stored.Count)
            {
                // Lines past a break in the journal cannot be judged; past an intact journal they were never Shodo's.
                if (chain.Finding is null)
                    findings.Add(new(Index, null, Messages.Get("CaseVerifyIndexCount", Index, lines.Count, stored.Count)));
                return;
            }
            var expected = EvidenceIndexLine.Bytes(stored[n - 1].Data);
            if (!line.Terminated && line.Bytes.Length < expected.Length && expected.AsSpan().StartsWith(line.Bytes))
                break; // the start of the line being written (or cut short): the line is not there yet
            var state = line.TryParse(out _);
            if (state != CaseLine.State.Intact)
            {
                var key = state switch
                {
                    CaseLine.State.NotCanonical => "CaseVerifyNotCanonical",
                    CaseLine.State.Incomplete => "CaseVerifyIncompleteLine",
                    _ => "CaseVerifyUnreadableLine",
                };
                findings.Add(new(Index, n, Messages.Get(key, Index, n)));
                return;
            }
            if (!expected.AsSpan(0, expected.Length - 1).SequenceEqual(line.Bytes))
            {
                findings.Add(new(Index, n, Messages.Get("CaseVerifyIndexMismatch", Index, n, stored[n - 1].Line)));
                return;
            }
            indexed++;
        }
        if (chain.Finding is not null) return;

        // What the index must hold: every record the journal held when the index was read, but the
        // last one when that is the journal's last entry (its line is written right after it).
        var due = stored.Count(s => s.End <= journalLengthBefore);
        var lastEntry = chain.Ends.FindLastIndex(end => end <= journalLengthBefore);
        if (indexed >= due) return;
        if (indexed == due - 1 && stored[indexed].Position == lastEntry)
            notes.Add(new(Index, null, Messages.Get("CaseVerifyNoteIndexBehind", Index, stored[indexed].Line)));
        else
            findings.Add(new(Index, null, Messages.Get("CaseVerifyIndexCount", Index, lines.Count, due)));
    }

    private static CaseFinding? CheckBlob(string caseDirectory, int journalLine, JsonObject record)
    {
        var sha = (string?)record["sha256"];
        if (!ContentHash.IsSha256(sha))
            return new(CaseFileNames.Journal, journalLine, Messages.Get("CaseVerifyMissingField", CaseFileNames.Journal, journalLine, "data.sha256"));
        var relative = CaseFileNames.Blob(sha!);
        var path = CaseFileNames.Full(caseDirectory, relative);
        if (!File.Exists(path)) return new(relative, null, Messages.Get("CaseVerifyBlobMissing", relative, journalLine));
        var blob = PrivateFiles.ReadShared(path);
        if (ContentHash.Sha256(blob) != (string?)record["blobSha256"])
            return new(relative, null, Messages.Get("CaseVerifyBlobAltered", relative, journalLine));
        try
        {
            var content = EvidenceBlob.Decompress(blob);
            if (ContentHash.Sha256(content) == sha && content.LongLength == (long?)record["size"]) return null;
        }
        catch (InvalidDataException) { }
        return new(relative, null, Messages.Get("CaseVerifyBlobCorrupt", relative));
    }
}
