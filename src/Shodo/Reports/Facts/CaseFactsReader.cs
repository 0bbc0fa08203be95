using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Trail.Digests;

namespace Shodo.Reports.Facts;

/// <summary>
/// Reads a case folder into <see cref="CaseFacts"/> without changing it. Documents another step has
/// not written yet are listed in <see cref="CaseFacts.MissingDocuments"/>, not invented.
/// </summary>
public static class CaseFactsReader
{
    public static CaseFacts Read(string caseDirectory, TimeProvider time)
    {
        var dir = Path.GetFullPath(caseDirectory);
        var manifest = CaseManifest.FromJson(JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, CaseFileNames.Manifest)))!);
        var journal = ReadLines(Path.Combine(dir, CaseFileNames.Journal)).Select(JournalEntry.FromJson).ToList();
        var evidence = ReadLines(CaseFileNames.Full(dir, CaseFileNames.EvidenceIndex)).Select(EvidenceRecord.FromJson).ToList();
        var missing = new[]
            {
                InvestigationFiles.Findings, InvestigationFiles.Timeline, InvestigationFiles.Identities,
                InvestigationFiles.AttackerResources, InvestigationFiles.Impact, InvestigationFiles.Coverage,
            }
            .Where(name => !File.Exists(Path.Combine(dir, name))).ToList();
        var impact = Tolerant(() => InvestigationFiles.ReadImpact(dir), InvestigationFiles.Impact, missing, null);
        var coverage = ReadJson(Path.Combine(dir, InvestigationFiles.Coverage));
        return new CaseFacts
        {
            CaseDirectory = dir,
            Manifest = manifest,
            GeneratedAt = time.GetUtcNow(),
            Verification = CaseVerifier.Verify(dir),
            Journal = journal,
            Evidence = evidence,
            Identities = Tolerant(() => InvestigationFiles.ReadIdentities(dir), InvestigationFiles.Identities, missing, []),
            Resources = Tolerant(() => InvestigationFiles.ReadResources(dir), InvestigationFiles.AttackerResources, missing, []),
            Findings = Tolerant(() => InvestigationFiles.ReadFindings(dir), InvestigationFiles.Findings, missing, []),
            Impact = impact,
            Timeline = ReadLines(Path.Combine(dir, InvestigationFiles.Timeline))
                .Select(TrailEvent.FromJson).OfType<TrailEvent>().OrderBy(e => e.Time).ToList(),
            Escalation = EscalationReader.Read(journal),
            Containment = ContainmentReader.Read(journal, ReadJson(Path.Combine(dir, "plan.json"))),
            Coverage = CoverageReader.Read(coverage, journal, impact),
            TrailDigests = (coverage?["investigation"]?["digests"] as JsonArray ?? []).Select(TrailDigestOutcome.FromJson).OfType<TrailDigestOutcome>().ToList(),
            Candidates = CandidateFact.Read(dir),
            MissingDocuments = missing,
        };
    }

    /// <summary>
    /// A document another step wrote in a shape this version cannot read is reported as missing
    /// (the rest of the report is still written) rather than failing the whole report.
    /// </summary>
    private static T Tolerant<T>(Func<T> read, string name, List<string> missing, T fallback)
    {
        try { return read(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            missing.Add(name);
            return fallback;
        }
    }

    private static JsonObject? ReadJson(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>The JSON objects of a JSON Lines file; an unreadable line is skipped (verification reports it).</summary>
    internal static IEnumerable<JsonObject> ReadLines(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonObject? json;
            try { json = JsonNode.Parse(line, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = CanonicalJson.MaxDepth }) as JsonObject; }
            catch (System.Text.Json.JsonException) { continue; }
            if (json is not null) yield return json;
        }
    }
}
