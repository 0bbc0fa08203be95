using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// The documents a case's later steps write at the top of the folder (<c>findings.json</c>,
/// <c>plan.json</c>, <c>report.html</c>, ...). Each write replaces the file atomically (temporary
/// file, fsync, rename) and journals <c>document.written</c> with its SHA-256 between the fsync and
/// the rename, so <c>shodo case verify</c> can check the latest version of every document and a crash
/// never leaves a version in place that the journal does not hold.
/// </summary>
public sealed class CaseDocuments(string caseDirectory, Journal journal)
{
    /// <summary>Writes <paramref name="relativePath"/> ('/' separators, inside the case) and journals it.</summary>
    public async Task<DocumentRecord> WriteAsync(string relativePath, ReadOnlyMemory<byte> content, string producer,
        CancellationToken ct = default)
    {
        var record = new DocumentRecord(CheckedPath(relativePath), ContentHash.Sha256(content.Span), content.Length, producer);
        var path = CaseFileNames.Full(caseDirectory, record.Path);
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder)) PrivateFiles.CreateDirectory(folder);
        var temp = TempPath(path);
        File.Delete(temp);
        PrivateFiles.WriteNew(temp, content.Span);
        // Journaled before the rename: a crash in between leaves the previous version in place and the
        // journaled one beside it, which verify recognises and the next run puts in place (CaseRepair).
        await journal.AppendAsync(JournalKinds.DocumentWritten, record.ToJson(), null, ct).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
        PrivateFiles.SyncDirectory(folder);
        return record;
    }

    /// <summary>Writes a JSON document in canonical form followed by a newline.</summary>
    public Task<DocumentRecord> WriteJsonAsync(string relativePath, JsonNode document, string producer, CancellationToken ct = default) =>
        WriteAsync(relativePath, CanonicalJson.Encode(document).Concat("\n"u8.ToArray()).ToArray(), producer, ct);

    /// <summary>The current bytes of a document, or null when it was never written.</summary>
    public byte[]? Read(string relativePath) => CaseFolder.At(caseDirectory).Read(relativePath);

    /// <summary>Where a document's next version waits until it is journaled and renamed into place.</summary>
    internal static string TempPath(string fullPath) => fullPath + ".tmp";

    internal static string CheckedPath(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        if (p.Length == 0 || p.StartsWith('/') || p.Split('/').Any(s => s is "" or "." or "..")
            || p is CaseFileNames.Manifest or CaseFileNames.Journal or CaseFileNames.Lock || p.StartsWith(CaseFileNames.Evidence + "/"))
            throw new ArgumentException($"'{relativePath}' is not a document path inside the case folder.", nameof(relativePath));
        return p;
    }
}

/// <summary>The data of a <c>document.written</c> journal entry.</summary>
public sealed record DocumentRecord(string Path, string Sha256, long Size, string Producer)
{
    public JsonObject ToJson() => new() { ["path"] = Path, ["sha256"] = Sha256, ["size"] = Size, ["producer"] = Producer };

    public static DocumentRecord FromJson(JsonObject json) =>
        new((string)json["path"]!, (string)json["sha256"]!, (long)json["size"]!, (string?)json["producer"] ?? "");
}
