using System.Text.Json.Nodes;
using Shodo.Cases.Redaction;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// The case's content-addressed evidence: raw API responses, redacted, gzip-compressed, stored once
/// under <c>evidence/&lt;sha256[..2]&gt;/&lt;sha256&gt;.gz</c>; each store adds a line to
/// <c>evidence/index.jsonl</c> and an <c>evidence.stored</c> journal entry with the same metadata.
/// Order of the durable writes: the blob, then the journal entry, then the index line.
/// </summary>
public sealed class EvidenceStore
{
    private readonly string _caseDirectory;
    private readonly FileStream _index;
    private readonly SemaphoreSlim _gate;
    private readonly Journal _journal;
    private readonly TimeProvider _time;
    private readonly Redactor _redactor;
    private readonly WritePrecedence _precedence;

    internal EvidenceStore(string caseDirectory, FileStream index, SemaphoreSlim gate, Journal journal, TimeProvider time, Redactor redactor,
        WritePrecedence precedence)
    {
        _precedence = precedence;
        _caseDirectory = caseDirectory;
        _index = index;
        _gate = gate;
        _journal = journal;
        _time = time;
        _redactor = redactor;
    }

    /// <summary>
    /// Decodes gzip, redacts <paramref name="content"/>, stores it (once per distinct content) and records what it is.
    /// Everything is on disk (fsync) when this returns. Waits while another flow holds the case's precedence.
    /// </summary>
    public async Task<EvidenceRecord> StoreAsync(ReadOnlyMemory<byte> content, EvidenceDescriptor descriptor, CancellationToken ct = default)
    {
        var (decoded, encoding) = EvidenceContent.Decode(content);
        var redacted = _redactor.Redact(decoded);
        var parameters = (JsonObject?)_redactor.Redact(descriptor.Parameters).Value;
        var sha = ContentHash.Sha256(redacted.Value);
        await _precedence.TurnAsync(ct).ConfigureAwait(false);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (blobSha, storedSize) = WriteBlob(sha, redacted.Value);
            var record = new EvidenceRecord(
                sha, blobSha, redacted.Value.Length, storedSize,
                descriptor.Service, descriptor.Operation, descriptor.Region, parameters, descriptor.Page,
                descriptor.ContentType, descriptor.CallerArn ?? _journal.Actor.CallerArn,
                descriptor.Time ?? _time.GetUtcNow(), redacted.Count)
            {
                ContentEncoding = encoding,
            };
            // The journal is the record; the index line is derived from it and written second, so a
            // crash between the two leaves an index one line behind the journal, which the next run
            // restores (CaseRepair), never an index line the journal does not hold.
            var json = record.ToJson();
            _journal.AppendLocked(JournalKinds.EvidenceStored, json, null);
            PrivateFiles.AppendDurably(_index, EvidenceIndexLine.Bytes(json));
            return record;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Reads evidence back by its SHA-256, checking that its content still has that hash.</summary>
    public async Task<byte[]> ReadAsync(string sha256, CancellationToken ct = default)
    {
        if (!ContentHash.IsSha256(sha256)) throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        var path = CaseFileNames.Full(_caseDirectory, CaseFileNames.Blob(sha256));
        var blob = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        try
        {
            var content = EvidenceBlob.Decompress(blob);
            if (ContentHash.Sha256(content) == sha256) return content;
        }
        catch (InvalidDataException) { }
        throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("EvidenceAltered", CaseFileNames.Blob(sha256))));
    }

    private (string BlobSha, long StoredSize) WriteBlob(string sha, byte[] content)
    {
        var path = CaseFileNames.Full(_caseDirectory, CaseFileNames.Blob(sha));
        if (File.Exists(path))
        {
            var existing = PrivateFiles.ReadShared(path);
            bool intact;
            try { intact = ContentHash.Sha256(EvidenceBlob.Decompress(existing)) == sha; }
            catch (InvalidDataException) { intact = false; }
            if (!intact)
                throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("EvidenceAltered", CaseFileNames.Blob(sha))));
            return (ContentHash.Sha256(existing), existing.Length);
        }
        var blob = EvidenceBlob.Compress(content);
        var folder = Path.GetDirectoryName(path)!;
        var newFolder = !System.IO.Directory.Exists(folder);
        PrivateFiles.CreateDirectory(folder);
        var temp = path + ".tmp";
        File.Delete(temp);
        PrivateFiles.WriteNew(temp, blob);
        File.Move(temp, path);
        PrivateFiles.SyncDirectory(folder);
        if (newFolder) PrivateFiles.SyncDirectory(Path.GetDirectoryName(folder)!);
        return (ContentHash.Sha256(blob), blob.Length);
    }
}
