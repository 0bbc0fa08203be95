using Shodo.Aws;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>
/// The region's DB snapshots and, for each manual one, who may restore it
/// (DescribeDBSnapshotAttributes: an outside account id or "all" means the data can leave).
/// </summary>
public sealed class RdsSnapshotsCollector : ICollector
{
    public string Name => "rds.snapshots";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } =
        [RdsOperations.DescribeDBSnapshots, RdsOperations.DescribeDBSnapshotAttributes];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var rds = context.Aws.Rds(context.ClientRegion);
        var snapshots = await context.PagesAsync(rds, new DescribeDBSnapshots(), ct);
        foreach (var snapshot in (snapshots ?? []).Where(s => s.SnapshotType is "manual" or null))
            await context.AnswerAsync(rds, new DescribeDBSnapshotAttributes(snapshot.DBSnapshotIdentifier), ct);
    }
}
