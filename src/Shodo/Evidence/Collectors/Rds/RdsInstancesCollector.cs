using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>The region's RDS database instances (public accessibility, encryption, engine).</summary>
public sealed class RdsInstancesCollector : ICollector, ISnapshotPart
{
    public string Name => "rds.instances";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [RdsOperations.DescribeDBInstances];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Rds(context.ClientRegion), new DescribeDBInstances(), ct);

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("rds", "DescribeDBInstances", a =>
        {
            foreach (var d in a.Body.Descendants("DBInstance"))
                s.DbInstances.Add(new DbInstanceFact(a.Record.Region ?? "", d.Required("DBInstanceIdentifier"),
                    d.Element("TagList")?.Elements("Tag").ToDictionary(t => t.Required("Key"), t => t.Required("Value"))
                    ?? new Dictionary<string, string>(), a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.DbInstances, d => (d.Region, d.DbInstanceId));
    }
}
