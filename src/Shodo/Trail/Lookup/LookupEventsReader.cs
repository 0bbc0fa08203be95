using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Cases;
using Shodo.Trail.Records;

namespace Shodo.Trail.Lookup;

/// <summary>How <see cref="LookupEventsReader"/> pages.</summary>
public sealed record LookupEventsReadOptions
{
    /// <summary>The clock that paces a page asked for again.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// How often one page is asked for (same token) while AWS still throttles or fails it transiently after the
    /// client's own retries; 1 asks once.
    /// </summary>
    public int PageAttempts { get; init; } = 8;

    /// <summary>
    /// How long one page is asked for again once it has failed: a persistent error is given up after this (the region
    /// is then a gap, read again on resume) instead of holding the investigation up for every attempt.
    /// </summary>
    public TimeSpan FailureBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Events a page (LookupEvents allows 1 to 50).</summary>
    public int MaxResults { get; init; } = 50;

    /// <summary>Stop after this many pages; null reads every page.</summary>
    public int? MaxPages { get; init; }

    /// <summary>Where every page is kept as evidence, exactly as AWS answered (redacted by the store); null keeps none.</summary>
    public EvidenceStore? Evidence { get; init; }
}

/// <summary>
/// Reads CloudTrail's event history (LookupEvents) in one region, page by page with NextToken, through the
/// connection's CloudTrail client (which keeps AWS's 2 requests per second per region). A page that is still
/// throttled after the client's retries is asked for again with the same token after a pause, so throttling
/// loses no event. Each event becomes a <see cref="TrailRecord"/> named <c>lookup:REGION</c>; an event that
/// cannot be used is a problem, not an exception. An AWS error ends the reading: the pages before it are kept
/// and the error is returned (<see cref="LookupRead.Error"/>). Investigation, the leaked-key check and
/// containment's verification all read event history through this.
/// </summary>
public sealed class LookupEventsReader(AwsConnection aws, LookupEventsReadOptions? options = null)
{
    private readonly LookupEventsReadOptions _options = options ?? new LookupEventsReadOptions();

    public static string SourceOf(string region) => $"lookup:{region}";

    public async Task<LookupRead> ReadAsync(LookupQuery query, string region, CancellationToken ct)
    {
        var records = new List<TrailRecord>();
        var problems = new List<TrailProblem>();
        var events = 0;
        var client = aws.CloudTrail(region);
        var call = query.Call(_options.MaxResults);
        var source = SourceOf(region);
        string? token = null;
        for (var page = 1; _options.MaxPages is not { } max || page <= max; page++)
        {
            Aws.Protocols.AwsPage<LookupEvent> answer;
            try
            {
                answer = await PageAsync(client, call, token, region, page, ct).ConfigureAwait(false);
            }
            catch (AwsServiceError e)
            {
                return new LookupRead(region, records, events, problems, page - 1) { Error = e, FailedPage = page };
            }
            foreach (var e in answer.Items)
            {
                var parsed = e.Parse(source);
                events++;
                if (parsed.Record is { } record) records.Add(record);
                problems.AddRange(parsed.AllProblems);
            }
            token = answer.NextToken;
            if (token is null) return new LookupRead(region, records, events, problems, page);
        }
        return new LookupRead(region, records, events, problems, _options.MaxPages!.Value) { More = true };
    }

    private async Task<Aws.Protocols.AwsPage<LookupEvent>> PageAsync(Aws.Protocols.JsonClient client, LookupEvents call, string? token,
        string region, int page, CancellationToken ct)
    {
        DateTimeOffset? firstFailure = null;
        bool WithinBudget() => _options.Time.GetUtcNow() - (firstFailure ??= _options.Time.GetUtcNow()) < _options.FailureBudget;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await client.PageAsync(call, token, page, ct).ConfigureAwait(false);
                if (_options.Evidence is { } evidence)
                    await evidence.StoreAsync(answer.Raw, new EvidenceDescriptor("cloudtrail", "LookupEvents", region)
                    {
                        Parameters = call.Parameters(token), Page = page, ContentType = "application/x-amz-json-1.1",
                    }, ct).ConfigureAwait(false);
                return answer;
            }
            catch (AwsServiceError e) when (e.IsRetryable && attempt < _options.PageAttempts && WithinBudget())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), _options.Time, ct).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// What one region's event history gave: the records, how many events the pages held, the problems of events
/// that could not be used (or fields left out), and — when AWS refused a page — the error and that page.
/// </summary>
public sealed record LookupRead(string Region, IReadOnlyList<TrailRecord> Records, int Events, IReadOnlyList<TrailProblem> Problems, int Pages)
{
    public AwsServiceError? Error { get; init; }

    /// <summary>The page AWS refused (1-based), when <see cref="Error"/> is set.</summary>
    public int? FailedPage { get; init; }

    /// <summary>True when the reading stopped at <see cref="LookupEventsReadOptions.MaxPages"/> with more pages left.</summary>
    public bool More { get; init; }
}
