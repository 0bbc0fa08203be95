using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>
/// The region's DB cluster snapshots and, for each manual one, who may restore it (DescribeDBClusterSnapshotAttributes):
/// a cluster snapshot shared with an outside account is as much data that left as an instance snapshot.
/// </summary>
public sealed class RdsClusterSnapshotsCollector : ICollector, ISnapshotPart
{
    public string Name => "rds.cluster-snapshots";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } =
        [RdsOperations.DescribeDBClusterSnapshots, RdsOperations.DescribeDBClusterSnapshotAttributes];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var rds = context.Aws.Rds(context.ClientRegion);
        var snapshots = await context.PagesAsync(rds, new DescribeDBClusterSnapshots(), ct);
        foreach (var snapshot in (snapshots ?? []).Where(s => s.SnapshotType is "manual" or null))
            await context.AnswerAsync(rds, new DescribeDBClusterSnapshotAttributes(snapshot.DBClusterSnapshotIdentifier), ct);
    }

    /// <summary>
    /// Manual cluster snapshots with the accounts they may be restored by, as DB snapshot facts marked cluster, and whether (and
    /// with which KMS key) each is encrypted (DescribeDBClusterSnapshots' StorageEncrypted and KmsKeyId).
    /// </summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var described = new Dictionary<(string, string), (bool Encrypted, string? Key)>();
        await answers.ForEachXmlAsync("rds", "DescribeDBClusterSnapshots", a =>
        {
            foreach (var d in a.Body.Descendants("DBClusterSnapshot"))
                described[(a.Record.Region ?? "", d.Required("DBClusterSnapshotIdentifier"))] =
                    (d.Bool("StorageEncrypted"), d.Text("KmsKeyId") is { Length: > 0 } key ? key : null);
        }, ct);
        await answers.ForEachXmlAsync("rds", "DescribeDBClusterSnapshotAttributes", a =>
        {
            foreach (var r in a.Body.Descendants("DBClusterSnapshotAttributesResult"))
            {
                var restore = r.Descendants("DBClusterSnapshotAttribute").Where(x => x.Text("AttributeName") == "restore")
                    .SelectMany(x => x.Descendants("AttributeValue").Select(v => v.Value)).ToList();
                var id = r.Required("DBClusterSnapshotIdentifier");
                var seen = described.TryGetValue((a.Record.Region ?? "", id), out var d) ? d : ((bool, string?)?)null;
                s.DbSnapshots.Add(new DbSnapshotFact(a.Record.Region ?? "", id, restore, a.Record.Sha256)
                {
                    Cluster = true, Encrypted = seen?.Item1, KmsKeyId = seen?.Item2,
                });
            }
        }, ct);
        AccountSnapshot.Dedupe(s.DbSnapshots, d => (d.Region, d.SnapshotId, d.Cluster));
    }
}
