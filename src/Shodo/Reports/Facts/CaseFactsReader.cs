using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;
using Shodo.Investigation.Timeline;
using Shodo.Evidence;
using Shodo.Containment.Record;
using Shodo.Escalation.Record;

namespace Shodo.Reports.Facts;

/// <summary>
/// Reads a case folder into <see cref="CaseFacts"/> without changing it (and without its lock): each step's
/// documents through that step's own reader, the journal for what only it holds. Documents another step has
/// not written yet are listed in <see cref="CaseFacts.MissingDocuments"/>, not invented.
/// </summary>
public static class CaseFactsReader
{
    public static CaseFacts Read(CaseFolder folder, TimeProvider time)
    {
        var dir = folder.Directory;
        var manifest = CaseManifest.FromJson(JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, CaseFileNames.Manifest)))!);
        var journal = ReadLines(Path.Combine(dir, CaseFileNames.Journal)).Select(JournalEntry.FromJson).ToList();
        var evidence = ReadLines(CaseFileNames.Full(dir, CaseFileNames.EvidenceIndex)).Select(EvidenceRecord.FromJson).ToList();
        var missing = new[]
            {
                InvestigationFiles.Findings, InvestigationFiles.Timeline, InvestigationFiles.Identities,
                InvestigationFiles.AttackerResources, InvestigationFiles.Impact, InvestigationFiles.Coverage,
            }
            .Where(name => !folder.Has(name)).ToList();
        var impact = Tolerant(() => InvestigationFiles.ReadImpact(folder), InvestigationFiles.Impact, missing, null);
        var coverage = Tolerant(() => CoverageFile.Read(folder), InvestigationFiles.Coverage, missing, null);
        return new CaseFacts
        {
            CaseDirectory = dir,
            Manifest = manifest,
            GeneratedAt = time.GetUtcNow(),
            Verification = CaseVerifier.Verify(dir),
            Journal = journal,
            Evidence = evidence,
            Identities = Tolerant(() => InvestigationFiles.ReadIdentities(folder), InvestigationFiles.Identities, missing, []),
            Resources = Tolerant(() => InvestigationFiles.ReadResources(folder), InvestigationFiles.AttackerResources, missing, []),
            Findings = Tolerant(() => InvestigationFiles.ReadFindings(folder), InvestigationFiles.Findings, missing, []),
            AccountsReached = Tolerant(() => InvestigationFiles.ReadAccountsReached(folder), InvestigationFiles.AccountsReached, missing, []),
            MemberAccounts = Tolerant(() => MemberAccountFacts.Read(folder), Cases.Accounts.MemberAccountsFile.Name, missing, []),
            Impact = impact,
            Timeline = Tolerant(() => TimelineFile.Read(folder), InvestigationFiles.Timeline, missing, []).OrderBy(e => e.Time).ToList(),
            Escalation = EscalationReader.Read(journal),
            Containment = ContainmentReader.Read(journal, ReadJson(folder, PlanFile.Name, missing)),
            Coverage = CoverageReader.Read(coverage, journal, impact),
            Sight = Investigation.Sight.EventSight.FromCoverage(coverage),
            TrailDigests = coverage?.Investigation?.Digests ?? [],
            Candidates = Tolerant(() => CandidateFact.Read(folder), Investigation.Triage.CandidatesFile.Name, missing, []),
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

    /// <summary>A document read as JSON; one that is not a JSON object is listed in <paramref name="missing"/> (it could not be read).</summary>
    private static JsonObject? ReadJson(CaseFolder folder, string document, List<string> missing) =>
        folder.Read(document) is { } bytes ? Tolerant(() => JsonNode.Parse(bytes)!.AsObject(), document, missing, null) : null;

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
