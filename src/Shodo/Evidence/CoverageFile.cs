using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Evidence;

/// <summary>
/// <c>coverage.json</c> in the case folder: which regions and collectors ran and every call that
/// failed (the same gaps the journal's <c>collect.gap</c> entries hold). Canonical JSON, owner-only,
/// replaced atomically; its SHA-256 goes into the <c>collect.finished</c> journal entry.
/// </summary>
public static class CoverageFile
{
    public const string Name = "coverage.json";
    public const string Format = "shodo-coverage/1";

    public static JsonObject ToJson(CollectionResult result, IEnumerable<ICollector> collectors) => new()
    {
        ["format"] = Format,
        ["startedAt"] = CaseTime.Format(result.StartedAt),
        ["finishedAt"] = CaseTime.Format(result.FinishedAt),
        ["complete"] = result.Complete,
        ["cancelled"] = result.Cancelled,
        ["regions"] = new JsonArray(result.Regions.Select(r => (JsonNode)r!).ToArray()),
        ["collectors"] = new JsonArray(collectors.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["scope"] = c.Scope == CollectorScope.Global ? "global" : "regional",
            ["operations"] = new JsonArray(c.Operations.Select(o => (JsonNode)o.Key!).ToArray()),
        }).ToArray()),
        ["evidenceStored"] = result.Blobs,
        ["gaps"] = new JsonArray(result.Gaps
            .OrderBy(g => g.Region ?? "", StringComparer.Ordinal).ThenBy(g => g.Service, StringComparer.Ordinal)
            .ThenBy(g => g.Operation, StringComparer.Ordinal).ThenBy(g => g.Time)
            .Select(g => (JsonNode)g.ToJson()).ToArray()),
    };

    /// <summary>Writes the file (temporary file, fsync, rename) and answers the SHA-256 of its bytes.</summary>
    public static string Write(string caseDirectory, JsonObject coverage)
    {
        var bytes = CanonicalJson.Encode(coverage).Concat("\n"u8.ToArray()).ToArray();
        var path = Path.Combine(caseDirectory, Name);
        var temp = path + ".tmp";
        File.Delete(temp);
        PrivateFiles.WriteNew(temp, bytes);
        File.Move(temp, path, overwrite: true);
        PrivateFiles.SyncDirectory(caseDirectory);
        return ContentHash.Sha256(bytes);
    }

    /// <summary>The case's coverage.json (collection has written it).</summary>
    public static JsonObject Read(CaseFolder folder) =>
        JsonNode.Parse(folder.Read(Name) ?? throw new FileNotFoundException($"{Name} has not been written.", Path.Combine(folder.Directory, Name)))!
            .AsObject();
}
