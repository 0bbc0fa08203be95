using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Walks <c>journal.jsonl</c> from the first line and checks every entry: it parses, it is in
/// canonical form, its sequence number is its line number, its <c>prev</c> is the previous entry's
/// hash and its <c>hash</c> is the hash of its content. Stops at the first problem: entries after a
/// break cannot be trusted.
/// </summary>
internal sealed class JournalChain
{
    private const string File = CaseFileNames.Journal;

    public List<(int Line, JsonObject Entry)> Entries { get; } = [];
    public string Head { get; private set; } = JournalEntry.Genesis;
    public CaseFinding? Finding { get; private set; }

    public static JournalChain Walk(string caseDirectory)
    {
        var chain = new JournalChain();
        var path = Path.Combine(caseDirectory, File);
        if (!System.IO.File.Exists(path))
        {
            chain.Finding = new CaseFinding(File, null, Messages.Get("CaseVerifyMissingFile", File));
            return chain;
        }
        foreach (var line in CaseLine.Read(PrivateFiles.ReadShared(path)))
        {
            chain.Finding = chain.Check(line);
            if (chain.Finding is not null) break;
        }
        return chain;
    }

    private CaseFinding? Check(CaseLine line)
    {
        var n = line.Number;
        CaseFinding Problem(string key, params object?[] args) => new(File, n, Messages.Get(key, [File, n, .. args]));

        switch (line.TryParse(out var entry))
        {
            case CaseLine.State.Unreadable: return Problem("CaseVerifyUnreadableLine");
            case CaseLine.State.NotCanonical: return Problem("CaseVerifyNotCanonical");
            case CaseLine.State.Incomplete: return Problem("CaseVerifyIncompleteLine");
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
        Head = hash;
        return null;
    }
}
