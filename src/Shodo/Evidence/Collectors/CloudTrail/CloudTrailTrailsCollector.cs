using System.Text.Json;
using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.CloudTrail;

/// <summary>
/// The region's trails (shadow trails of multi-region trails included) and, for the trails whose
/// home is this region, whether they are logging and which events they record (are S3 data events
/// logged — without them, object reads cannot be known).
/// </summary>
public sealed class CloudTrailTrailsCollector : ICollector, ISnapshotPart
{
    public string Name => "cloudtrail.trails";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } =
        [CloudTrailOperations.DescribeTrails, CloudTrailOperations.GetTrailStatus, CloudTrailOperations.GetEventSelectors];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var cloudTrail = context.Aws.CloudTrail(context.ClientRegion);
        var trails = await context.AnswerAsync(cloudTrail, new DescribeTrails(), ct);
        foreach (var trail in (trails ?? []).Where(t => t.HomeRegion is null || t.HomeRegion == context.ClientRegion))
        {
            var id = trail.TrailArn ?? trail.Name;
            await context.AnswerAsync(cloudTrail, new GetTrailStatus(id), ct);
            await context.AnswerAsync(cloudTrail, new GetEventSelectors(id), ct);
        }
    }

    /// <summary>Trails with their logging status and S3 data-event selectors, one fact per trail.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var status = new Dictionary<string, (bool? IsLogging, DateTimeOffset? StoppedAt)>();
        await answers.ForEachJsonAsync("cloudtrail", "GetTrailStatus", a =>
        {
            if (a.Parameter("Name") is { } name) status[name] = (a.Body.Bool("IsLogging"), a.Body.Date("StopLoggingTime"));
        }, ct);
        var selectors = new Dictionary<string, JsonElement>();
        await answers.ForEachJsonAsync("cloudtrail", "GetEventSelectors", a =>
        {
            if (a.Parameter("TrailName") is { } name) selectors[name] = a.Body;
        }, ct);
        var trails = new List<TrailFact>();
        await answers.ForEachJsonAsync("cloudtrail", "DescribeTrails", a =>
        {
            foreach (var t in a.Body.ListOf("trailList"))
            {
                var name = t.Text("Name") ?? "";
                var arn = t.Text("TrailARN");
                var st = arn is not null && status.TryGetValue(arn, out var byArn) ? byArn : status.GetValueOrDefault(name);
                var sel = arn is not null && selectors.TryGetValue(arn, out var x) ? x : selectors.TryGetValue(name, out var y) ? y : (JsonElement?)null;
                var (all, buckets) = sel is { } e ? DataEventSelectors.Read(e) : (false, []);
                trails.Add(new TrailFact(name, arn, t.Text("HomeRegion"), t.Text("S3BucketName"), t.Text("S3KeyPrefix"),
                    t.Bool("IsMultiRegionTrail") ?? false, st.IsLogging, st.StoppedAt, all, buckets, sel is not null, a.Record.Sha256)
                {
                    OrganizationTrail = t.Bool("IsOrganizationTrail") ?? false,
                });
            }
        }, ct);
        s.Trails.AddRange(trails.GroupBy(t => t.Arn ?? t.Name)
            .Select(g => g.OrderByDescending(t => t.SelectorsKnown).ThenByDescending(t => t.IsLogging is not null).First()));
    }
}
