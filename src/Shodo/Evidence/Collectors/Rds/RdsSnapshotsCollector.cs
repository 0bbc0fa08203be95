using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>
/// The region's DB snapshots and, for each manual one, who may restore it
/// (DescribeDBSnapshotAttributes: an outside account id or "all" means the data can leave).
/// </summary>
public sealed class RdsSnapshotsCollector : ICollector, ISnapshotPart
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

    /// <summary>Manual DB snapshots with the accounts they may be restored by.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("rds", "DescribeDBSnapshotAttributes", a =>
        {
            foreach (var r in a.Body.Descendants("DBSnapshotAttributesResult"))
            {
                var restore = r.Descendants("DBSnapshotAttribute").Where(x => x.Text("AttributeName") == "restore")
                    .SelectMany(x => x.Descendants("AttributeValue").Select(v => v.Value)).ToList();
                s.DbSnapshots.Add(new DbSnapshotFact(a.Record.Region ?? "", r.Required("DBSnapshotIdentifier"), restore, a.Record.Sha256));
            }
        }, ct);
        AccountSnapshot.Dedupe(s.DbSnapshots, d => (d.Region, d.SnapshotId, d.Cluster)); // a cluster snapshot may share an id
    }
}
