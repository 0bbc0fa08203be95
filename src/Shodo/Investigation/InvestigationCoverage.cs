using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Investigation.Sources;

namespace Shodo.Investigation;

/// <summary>
/// Merges the investigation's gaps into collect's coverage.json: collect's content is kept as it was,
/// an <c>investigation</c> section lists the sources read, the records read, what each trail archive's digests
/// established (<c>digests</c>: verified N of M, log files altered or missing after delivery) and every gap.
/// </summary>
public static class InvestigationCoverage
{
    public static Task<DocumentRecord> WriteAsync(Case @case, IReadOnlyList<SourceGap> gaps, int records,
        InvestigationSources sources, CancellationToken ct)
    {
        var existing = @case.Documents.Read(InvestigationFiles.Coverage) is { } bytes
            ? JsonNode.Parse(bytes)?.AsObject() ?? new JsonObject()
            : new JsonObject { ["format"] = Shodo.Evidence.CoverageFile.Format };
        existing["investigation"] = new JsonObject
        {
            ["complete"] = gaps.Count == 0,
            ["records"] = records,
            ["lookupEvents"] = sources.UsesLookup,
            ["logBucketsRead"] = new JsonArray(sources.LogBucketsRead.Order(StringComparer.Ordinal).Select(b => (JsonNode)b!).ToArray()),
            ["digests"] = new JsonArray(sources.DigestChecks.Select(d => (JsonNode)d.ToJson()).ToArray()),
            ["gaps"] = new JsonArray(gaps.Select(g => (JsonNode)new JsonObject
            {
                ["source"] = g.Source, ["region"] = g.Region, ["kind"] = g.Kind, ["code"] = g.Code, ["message"] = g.Message,
            }).ToArray()),
        };
        return @case.Documents.WriteJsonAsync(InvestigationFiles.Coverage, existing, InvestigationJournalKinds.Producer, ct);
    }
}
