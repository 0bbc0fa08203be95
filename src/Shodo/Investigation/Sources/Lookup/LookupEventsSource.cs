using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Trail;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation.Sources.Lookup;

/// <summary>
/// CloudTrail LookupEvents in every given region at once (IAM and STS global events are recorded in
/// us-east-1), each region read by the trail module's <see cref="LookupEventsReader"/> (NextToken paging,
/// AWS's 2 requests per second, a throttled page asked for again with the same token), every page stored
/// as evidence in the case. A region that cannot be read, and an event that cannot be used, become a
/// <see cref="SourceGap"/>.
/// </summary>
public sealed class LookupEventsSource(AwsConnection aws, Case @case, TimeProvider time, int pageAttempts = 8,
    IReadOnlySet<string>? optedIn = null, LookupsRead? alreadyRead = null)
{
    private readonly LookupEventsReader _reader = new(aws, new LookupEventsReadOptions
    {
        Time = time, PageAttempts = pageAttempts, Evidence = @case.Evidence,
    });

    public async Task<SourceResult> ReadAsync(LookupQuery query, IReadOnlyList<string> regions, CancellationToken ct,
        IInvestigationProgress? progress = null)
    {
        var source = $"LookupEvents {query}";
        var lanes = regions.Select(region => Task.Run(async () =>
        {
            progress?.RegionStarted(source, region);
            var read = await RegionAsync(query, region, ct);
            progress?.RegionRead(source, region, read.Records.Count, read.Gaps.Count);
            return read;
        }, ct)).ToList();
        return SourceResult.Combine(await Task.WhenAll(lanes));
    }

    private async Task<SourceResult> RegionAsync(LookupQuery query, string region, CancellationToken ct)
    {
        // What this response read of the same query already is not asked for again: only what may have arrived since.
        var startedAt = time.GetUtcNow();
        var cover = alreadyRead?.Cover(query, region);
        var read = await _reader.ReadAsync(cover?.Remaining ?? query, region, ct);
        IReadOnlyList<Trail.Records.TrailRecord> records = cover is { Known: var known }
            ? known.Concat(read.Records).DistinctBy(r => r.EventId).ToList()
            : read.Records;
        if (read.Error is null) alreadyRead?.Remember(query, region, startedAt, records);
        var source = LookupEventsReader.SourceOf(region);
        var gaps = read.Problems.Where(p => p.Kind != TrailProblemKinds.FieldIgnored)
            .Select(p => new SourceGap(source, region, "Unreadable", p.Kind, p.ToString())).ToList();
        if (read.Error is { } e)
            gaps.Add(new SourceGap(source, region, e.IsThrottling ? "Throttled" : GapKind(e.Code, optedIn?.Contains(region) == true), e.Code,
                $"LookupEvents ({query}) page {read.FailedPage}: {e.AwsMessage}"));
        return new SourceResult(records, gaps);
    }

    /// <summary>Credentials refused in an opt-in region the account enabled: usually a global STS endpoint token (<see cref="Evidence.GapKinds.GlobalEndpointToken"/>).</summary>
    internal static string GapKind(string code, bool optedIn) => code switch
    {
        "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" => "AccessDenied",
        "UnrecognizedClientException" or "InvalidClientTokenId" => optedIn ? Evidence.GapKinds.GlobalEndpointToken : "RegionNotEnabled",
        _ => "Failed",
    };
}
