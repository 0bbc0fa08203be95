using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// Checks every document the journal says was written (<c>document.written</c>): the file exists and
/// its SHA-256 and size are those of the latest entry for its path.
/// </summary>
internal static class DocumentCheck
{
    public static (List<CaseFinding> Findings, int Documents) Run(string caseDirectory, JournalChain chain)
    {
        var latest = new Dictionary<string, (int Line, DocumentRecord Record)>(StringComparer.Ordinal);
        foreach (var (line, entry) in chain.Entries)
            if ((string?)entry["kind"] == JournalKinds.DocumentWritten && entry["data"] is JsonObject data)
            {
                var record = DocumentRecord.FromJson(data);
                latest[record.Path] = (line, record);
            }
        var findings = new List<CaseFinding>();
        foreach (var (path, (line, record)) in latest.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var full = CaseFileNames.Full(caseDirectory, path);
            if (!File.Exists(full))
            {
                findings.Add(new(path, null, Messages.Get("CaseVerifyMissingFile", path)));
                continue;
            }
            var bytes = PrivateFiles.ReadShared(full);
            if (bytes.LongLength != record.Size || ContentHash.Sha256(bytes) != record.Sha256)
                findings.Add(new(path, null, Messages.Get("CaseVerifyDocumentAltered", path, line)));
        }
        return (findings, latest.Count);
    }
}
