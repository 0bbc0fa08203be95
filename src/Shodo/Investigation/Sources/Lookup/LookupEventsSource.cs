using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Investigation.Sources.Lookup;

/// <summary>
/// CloudTrail LookupEvents in every given region at once (IAM and STS global events are recorded in
/// us-east-1). Each region pages with NextToken through the connection's CloudTrail client, which
/// keeps AWS's 2 requests per second per region; a page that is still throttled after the client's
/// retries is asked for again (same token) after a pause, so throttling loses no event. Every page is
/// stored as evidence. A region that cannot be read becomes a <see cref="SourceGap"/>.
/// </summary>
public sealed class LookupEventsSource(AwsConnection aws, Case @case, TimeProvider time, int pageAttempts = 8)
{
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
        var records = new List<TrailRecord>();
        var problems = new List<SourceGap>();
        var client = aws.CloudTrail(region);
        string? token = null;
        for (var page = 1; ; page++)
        {
            var call = new LookupEventsPage(query.AttributeKey, query.AttributeValue, query.Window.Since, query.Window.Until, token);
            LookupEventsAnswer answer;
            try
            {
                answer = await PageAsync(client, call, region, page, ct);
            }
            catch (AwsServiceError e)
            {
                var gap = new SourceGap($"lookup:{region}", region, e.IsThrottling ? "Throttled" : GapKind(e.Code), e.Code,
                    $"LookupEvents ({query}) page {page}: {e.AwsMessage}");
                return new SourceResult(records, [.. problems, gap]);
            }
            foreach (var text in answer.CloudTrailEvents)
            {
                var parsed = TrailRecordParser.ParseLookupEvent(text, $"lookup:{region}");
                if (parsed.Record is { } record) records.Add(record);
                else if (parsed.Problem is { } problem)
                    problems.Add(new SourceGap($"lookup:{region}", region, "Unreadable", problem.Kind, problem.ToString()));
            }
            token = answer.NextToken;
            if (string.IsNullOrEmpty(token)) return new SourceResult(records, problems);
        }
    }

    private async Task<LookupEventsAnswer> PageAsync(Aws.Protocols.JsonClient client, LookupEventsPage call,
        string region, int page, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await client.AnswerAsync(call, ct);
                await @case.Evidence.StoreAsync(answer.Raw, new EvidenceDescriptor("cloudtrail", "LookupEvents", region)
                {
                    Parameters = call.Parameters(), Page = page, ContentType = "application/x-amz-json-1.1",
                }, ct);
                return answer.Result;
            }
            catch (AwsServiceError e) when (e.IsRetryable && attempt < pageAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), time, ct);
            }
        }
    }

    private static string GapKind(string code) => code switch
    {
        "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" => "AccessDenied",
        "UnrecognizedClientException" or "InvalidClientTokenId" => "RegionNotEnabled",
        _ => "Failed",
    };
}
