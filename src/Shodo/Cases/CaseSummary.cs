using System.Text.Json.Nodes;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cases;

/// <summary>
/// What <c>shodo case show</c> prints: the manifest, how many journal entries of each kind, and how
/// much evidence. Read without the lock and without verifying (that is <see cref="CaseVerifier"/>'s job);
/// unreadable lines are counted, not trusted.
/// </summary>
public sealed record CaseSummary(
    CaseManifest Manifest,
    IReadOnlyDictionary<string, int> EntriesByKind,
    int JournalEntries,
    int UnreadableLines,
    DateTimeOffset? LastEntryAt,
    int EvidenceRecords,
    int EvidenceBlobs,
    long EvidenceBytes,
    long EvidenceStoredBytes)
{
    public static CaseSummary Read(CaseFolder folder)
    {
        var caseDirectory = folder.Directory;
        var manifestPath = Path.Combine(caseDirectory, CaseFileNames.Manifest);
        if (!File.Exists(manifestPath))
            throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("CaseNotFound", caseDirectory)));
        CaseManifest manifest;
        try { manifest = CaseManifest.FromJson(JsonNode.Parse(PrivateFiles.ReadShared(manifestPath))!); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new ShodoException(new Diagnostic(ExitCode.CaseTampered, Messages.Get("CaseManifestUnreadable", manifestPath)), e);
        }

        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int entries = 0, unreadable = 0;
        DateTimeOffset? last = null;
        foreach (var entry in Objects(Path.Combine(caseDirectory, CaseFileNames.Journal), ref unreadable))
        {
            entries++;
            var kind = entry["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : "?";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (entry["time"] is JsonValue v && v.TryGetValue<string>(out var time) &&
                DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, out var t)) last = t;
        }

        int records = 0, ignored = 0;
        var blobs = new Dictionary<string, (long Size, long Stored)>();
        foreach (var record in Objects(CaseFileNames.Full(caseDirectory, CaseFileNames.EvidenceIndex), ref ignored))
        {
            records++;
            blobs[Text(record["sha256"])] = (Number(record["size"]), Number(record["storedSize"]));
        }
        return new CaseSummary(manifest, kinds, entries, unreadable, last, records, blobs.Count,
            blobs.Values.Sum(b => b.Size), blobs.Values.Sum(b => b.Stored));
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    private static List<JsonObject> Objects(string path, ref int unreadable)
    {
        var result = new List<JsonObject>();
        if (!File.Exists(path)) return result;
        foreach (var line in CaseLine.Read(PrivateFiles.ReadShared(path)))
        {
            try
            {
                if (JsonNode.Parse(line.Bytes, documentOptions: CanonicalJson.DocumentOptions) is JsonObject o) result.Add(o);
                else unreadable++;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                unreadable++;
            }
        }
        return result;
    }
}
