using Shodo.Cases;
using Shodo.Evidence;
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
        var existing = CoverageFile.Read(@case.Folder) ?? new CoverageDocument();
        var investigation = new CoverageInvestigation
        {
            Complete = gaps.Count == 0,
            Records = records,
            LookupEvents = sources.ReadLookupEvents,
            LogBucketsRead = sources.LogBucketsRead.Order(StringComparer.Ordinal).ToList(),
            Digests = sources.DigestChecks.ToList(),
            Gaps = gaps.Select(g => new CoverageSourceGap(g.Source, g.Region, g.Kind, g.Code, g.Message)).ToList(),
            OrganizationTrail = sources.OrganizationTrail is { } o
                ? new CoverageOrganizationTrail(o.Reason, o.Trail, o.Reach?.FolderOf(@case.Manifest.AccountId), o.Reach?.ReadAs)
                {
                    SeenInAccount = sources.OrganizationTrailSeenHere is not null,
                    // The member's own GetTrailStatus of the shadow trail, else the management account's, which found it logging.
                    Logging = sources.OrganizationTrailSeenHere?.IsLogging ?? (o.Reach is not null ? true : null),
                    LoggingSeenBy = sources.OrganizationTrailSeenHere?.IsLogging is not null ? @case.Manifest.AccountId : o.Reach?.ReadAs,
                    Fallback = sources.OrganizationTrailFallback,
                }
                : null,
        };
        return CoverageFile.WriteAsync(@case, existing with { Investigation = investigation }, InvestigationJournalKinds.Producer, ct);
    }
}
