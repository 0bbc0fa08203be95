using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.CloudTrail.Calls;

namespace Shodo.Evidence.Collectors.CloudTrail;

/// <summary>
/// The region's trails (shadow trails of multi-region trails included) and, for the trails whose
/// home is this region, whether they are logging and which events they record (are S3 data events
/// logged — without them, object reads cannot be known).
/// </summary>
public sealed class CloudTrailTrailsCollector : ICollector
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
}
