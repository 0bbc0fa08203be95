using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Cases.Redaction;

namespace Shodo.Evidence;

/// <summary>
/// <c>coverage.json</c> in the case folder (<c>shodo-coverage/1</c>, the record <see cref="CoverageDocument"/>): which
/// regions and collectors ran and every call that failed (the same gaps the journal's <c>collect.gap</c> entries hold),
/// and the investigation's part. Canonical JSON, owner-only, replaced atomically; collect's SHA-256 goes into the
/// <c>collect.finished</c> journal entry.
/// </summary>
public static class CoverageFile
{
    public const string Name = "coverage.json";
    public const string Format = "shodo-coverage/1";

    /// <summary>What a collection covered, its gaps in a stable order.</summary>
    public static CoverageDocument Of(CollectionResult result, IEnumerable<ICollector> collectors) => new()
    {
        StartedAt = CaseTime.Format(result.StartedAt),
        FinishedAt = CaseTime.Format(result.FinishedAt),
        Complete = result.Complete,
        Cancelled = result.Cancelled,
        Regions = result.Regions,
        Collectors = collectors.Select(c => new CoverageCollector(c.Name, c.Scope == CollectorScope.Global ? "global" : "regional",
            c.Operations.Select(o => o.Key).ToList())).ToList(),
        EvidenceStored = result.Blobs,
        Gaps = result.Gaps
            .OrderBy(g => g.Region ?? "", StringComparer.Ordinal).ThenBy(g => g.Service, StringComparer.Ordinal)
            .ThenBy(g => g.Operation, StringComparer.Ordinal).ThenBy(g => g.Time).ToList(),
    };

    /// <summary>The document as JSON, collect's part redacted (an AWS error message may quote a secret).</summary>
    public static JsonObject ToJson(CoverageDocument document)
    {
        var json = JsonSerializer.SerializeToNode(document with { Investigation = null }, CoverageDocument.Json)!.AsObject();
        json = (JsonObject)Redactor.Default.Redact(json).Value!;
        if (document.Investigation is { } investigation)
            json["investigation"] = JsonSerializer.SerializeToNode(investigation, CoverageDocument.Json);
        return json;
    }

    /// <summary>The first collection's document: written directly (temporary file, fsync, rename); answers the SHA-256 of its bytes.</summary>
    public static string Write(string caseDirectory, CoverageDocument document)
    {
        var bytes = CanonicalJson.Encode(ToJson(document)).Concat("\n"u8.ToArray()).ToArray();
        var path = Path.Combine(caseDirectory, Name);
        var temp = path + ".tmp";
        File.Delete(temp);
        PrivateFiles.WriteNew(temp, bytes);
        File.Move(temp, path, overwrite: true);
        PrivateFiles.SyncDirectory(caseDirectory);
        return ContentHash.Sha256(bytes);
    }

    /// <summary>A later version (a retried collection, the investigation's part), written as a case document so verification follows it.</summary>
    public static Task<DocumentRecord> WriteAsync(Case @case, CoverageDocument document, string producer, CancellationToken ct) =>
        @case.Documents.WriteJsonAsync(Name, ToJson(document), producer, ct);

    /// <summary>
    /// The case's coverage.json, or null when neither collection nor investigation has written it. A file that cannot be
    /// read throws (<see cref="JsonException"/>, <see cref="FormatException"/>): what it would say is not invented.
    /// </summary>
    public static CoverageDocument? Read(CaseFolder folder) =>
        folder.Read(Name) is { } bytes
            ? JsonSerializer.Deserialize<CoverageDocument>(bytes, CoverageDocument.Json) ?? throw new JsonException($"{Name} holds null.")
            : null;
}
