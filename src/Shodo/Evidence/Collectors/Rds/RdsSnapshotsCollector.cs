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

    /// <summary>Manual DB snapshots with the accounts they may be restored by, and whether (and with which KMS key) each is encrypted.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var described = new Dictionary<(string, string), (bool Encrypted, string? Key)>();
        await answers.ForEachXmlAsync("rds", "DescribeDBSnapshots", a =>
        {
            foreach (var d in a.Body.Descendants("DBSnapshot"))
                described[(a.Record.Region ?? "", d.Required("DBSnapshotIdentifier"))] =
                    (d.Bool("Encrypted"), d.Text("KmsKeyId") is { Length: > 0 } key ? key : null);
        }, ct);
        await answers.ForEachXmlAsync("rds", "DescribeDBSnapshotAttributes", a =>
        {
            foreach (var r in a.Body.Descendants("DBSnapshotAttributesResult"))
            {
                var restore = r.Descendants("DBSnapshotAttribute").Where(x => x.Text("AttributeName") == "restore")
                    .SelectMany(x => x.Descendants("AttributeValue").Select(v => v.Value)).ToList();
                var id = r.Required("DBSnapshotIdentifier");
                var seen = described.TryGetValue((a.Record.Region ?? "", id), out var d) ? d : ((bool, string?)?)null;
                s.DbSnapshots.Add(new DbSnapshotFact(a.Record.Region ?? "", id, restore, a.Record.Sha256)
                {
                    Encrypted = seen?.Item1, KmsKeyId = seen?.Item2,
                });
            }
        }, ct);
        AccountSnapshot.Dedupe(s.DbSnapshots, d => (d.Region, d.SnapshotId, d.Cluster)); // a cluster snapshot may share an id
    }
}
