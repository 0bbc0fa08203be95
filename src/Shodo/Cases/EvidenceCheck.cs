using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks the evidence: every line of <c>evidence/index.jsonl</c> is exactly the data of the matching
/// <c>evidence.stored</c> journal entry (so the index is as trustworthy as the journal), every blob
/// it names exists, the blob file's SHA-256 is the recorded <c>blobSha256</c>, and the blob
/// decompresses to content whose SHA-256 and size are the recorded ones.
/// </summary>
internal static class EvidenceCheck
{
    private const string Index = CaseFileNames.EvidenceIndex;

    public static (List<CaseFinding> Findings, int Records, int Blobs) Run(string caseDirectory, JournalChain chain)
    {
        var findings = new List<CaseFinding>();
        var stored = chain.Entries.Where(e => (string?)e.Entry["kind"] == JournalKinds.EvidenceStored).ToList();
        var indexPath = CaseFileNames.Full(caseDirectory, Index);
        if (!File.Exists(indexPath))
        {
            if (stored.Count > 0) findings.Add(new(Index, null, Messages.Get("CaseVerifyMissingFile", Index)));
            return (findings, 0, 0);
        }
        var lines = CaseLine.Read(PrivateFiles.ReadShared(indexPath));
        var records = new List<(int Line, JsonObject Record)>();
        foreach (var line in lines)
        {
            var n = line.Number;
            var state = line.TryParse(out var record);
            if (state != CaseLine.State.Intact)
            {
                var key = state switch
                {
                    CaseLine.State.NotCanonical => "CaseVerifyNotCanonical",
                    CaseLine.State.Incomplete => "CaseVerifyIncompleteLine",
                    _ => "CaseVerifyUnreadableLine",
                };
                findings.Add(new(Index, n, Messages.Get(key, Index, n)));
                break;
            }
            if (n <= stored.Count && !CanonicalJson.Encode(record).AsSpan().SequenceEqual(CanonicalJson.Encode(stored[n - 1].Entry["data"])))
            {
                findings.Add(new(Index, n, Messages.Get("CaseVerifyIndexMismatch", Index, n, stored[n - 1].Line)));
                break;
            }
            records.Add((n, record));
        }
        if (findings.Count == 0 && chain.Finding is null && lines.Count != stored.Count)
            findings.Add(new(Index, null, Messages.Get("CaseVerifyIndexCount", Index, lines.Count, stored.Count)));

        var blobs = 0;
        foreach (var group in records.GroupBy(r => (string?)r.Record["sha256"] ?? ""))
        {
            blobs++;
            var finding = CheckBlob(caseDirectory, group.First().Line, group.First().Record);
            if (finding is not null) findings.Add(finding);
        }
        return (findings, records.Count, blobs);
    }

    private static CaseFinding? CheckBlob(string caseDirectory, int line, JsonObject record)
    {
        var sha = (string?)record["sha256"];
        if (!ContentHash.IsSha256(sha)) return new(Index, line, Messages.Get("CaseVerifyMissingField", Index, line, "sha256"));
        var relative = CaseFileNames.Blob(sha!);
        var path = CaseFileNames.Full(caseDirectory, relative);
        if (!File.Exists(path)) return new(relative, null, Messages.Get("CaseVerifyBlobMissing", relative, line));
        var blob = PrivateFiles.ReadShared(path);
        if (ContentHash.Sha256(blob) != (string?)record["blobSha256"])
            return new(relative, null, Messages.Get("CaseVerifyBlobAltered", relative, line));
        try
        {
            var content = EvidenceBlob.Decompress(blob);
            if (ContentHash.Sha256(content) == sha && content.LongLength == (long?)record["size"]) return null;
        }
        catch (InvalidDataException) { }
        return new(relative, null, Messages.Get("CaseVerifyBlobCorrupt", relative));
    }
}
