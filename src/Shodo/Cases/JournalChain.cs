using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Walks <c>journal.jsonl</c> from the first line and checks every entry: it parses, it is in
/// canonical form, its sequence number is its line number, its <c>prev</c> is the previous entry's
/// hash and its <c>hash</c> is the hash of its content. Stops at the first problem: entries after a
/// break cannot be trusted. What a write cut short by a crash leaves at the very end — the start of an
/// entry, or a whole entry without its newline — is not a problem but a <see cref="Tail"/>: it was
/// never part of the record (or, for a whole entry, only its newline is missing), and the next writer
/// repairs it (<see cref="CaseRepair"/>).
/// </summary>
internal sealed class JournalChain
{
    private const string File = CaseFileNames.Journal;

    public List<(int Line, JsonObject Entry)> Entries { get; } = [];

    /// <summary>For each of <see cref="Entries"/>, the file offset where it ends.</summary>
    public List<long> Ends { get; } = [];
    public string Head { get; private set; } = JournalEntry.Genesis;
    public CaseFinding? Finding { get; private set; }

    /// <summary>What an append cut short left at the end, if anything.</summary>
    public JournalTail? Tail { get; private set; }

    /// <summary>Where the last verified entry ends in the file (after its newline, when it has one).</summary>
    public long ValidLength { get; private set; }

    private readonly string _path;
    private string _headBeforeLast = JournalEntry.Genesis;

    private JournalChain(string path) => _path = path;

    public static JournalChain Walk(string caseDirectory)
    {
        var chain = new JournalChain(Path.Combine(caseDirectory, File));
        if (!System.IO.File.Exists(chain._path))
        {
            chain.Finding = new CaseFinding(File, null, Messages.Get("CaseVerifyMissingFile", File));
            return chain;
        }
        chain.ReadFrom(0, 1);
        return chain;
    }

    /// <summary>
    /// Reads and checks what a writer appended since the walk, so a reader can follow a case being
    /// written; false when nothing new was verified (nothing appended, or the chain is broken).
    /// </summary>
    public bool Continue()
    {
        if (Finding is not null || !System.IO.File.Exists(_path)) return false;
        var before = ValidLength;
        var (offset, number) = (ValidLength, Entries.Count + 1);
        if (Tail is { Complete: true } whole)
        {
            // A whole entry whose newline was still to come: read it again with what follows.
            Entries.RemoveAt(Entries.Count - 1);
            Ends.RemoveAt(Ends.Count - 1);
            Head = _headBeforeLast;
            (offset, number) = (whole.Offset, whole.Line);
        }
        Tail = null;
        ReadFrom(offset, number);
        return ValidLength > before;
    }

    private void ReadFrom(long offset, int firstNumber)
    {
        foreach (var line in CaseLine.Read(PrivateFiles.ReadShared(_path, offset), firstNumber, offset))
        {
            if (line.IsUnfinishedWrite())
            {
                Tail = new JournalTail(line.Number, line.End - line.Bytes.Length, line.Bytes, Complete: false);
                break;
            }
            Finding = Check(line);
            if (Finding is not null) break;
            ValidLength = line.End;
            Ends.Add(line.End);
            if (!line.Terminated) Tail = new JournalTail(line.Number, line.End - line.Bytes.Length, line.Bytes, Complete: true);
        }
    }

    private CaseFinding? Check(CaseLine line)
    {
        var n = line.Number;
        CaseFinding Problem(string key, params object?[] args) => new(File, n, Messages.Get(key, [File, n, .. args]));

        switch (line.TryParse(out var entry))
        {
            case CaseLine.State.Unreadable: return Problem("CaseVerifyUnreadableLine");
            case CaseLine.State.NotCanonical: return Problem("CaseVerifyNotCanonical");
        }
        foreach (var field in new[] { "seq", "time", "actor", "kind", "data", "prev", "hash" })
            if (entry[field] is null) return Problem("CaseVerifyMissingField", field);
        if (entry["seq"] is not JsonValue seqValue || !seqValue.TryGetValue<long>(out var seq) || seq != n)
            return Problem("CaseVerifyBadSeq", entry["seq"]?.ToJsonString(), n);
        if (entry["hash"] is not JsonValue hashValue || !hashValue.TryGetValue<string>(out var hash) || hash != JournalEntry.ComputeHash(entry))
            return Problem("CaseVerifyBadHash");
        if (entry["prev"] is not JsonValue prevValue || !prevValue.TryGetValue<string>(out var prev) || prev != Head)
            return Problem("CaseVerifyBrokenLink", n - 1);
        if (entry["data"] is not JsonObject) return Problem("CaseVerifyMissingField", "data");
        Entries.Add((n, entry));
        _headBeforeLast = Head;
        Head = hash;
        return null;
    }
}

/// <summary>
/// The end of a journal an append cut short: the bytes of line <see cref="Line"/>, starting at
/// <see cref="Offset"/>. <see cref="Complete"/>: a whole, verified entry whose newline is missing;
/// otherwise the unfinished start of an entry, which is not part of the record.
/// </summary>
internal sealed record JournalTail(int Line, long Offset, byte[] Bytes, bool Complete);
