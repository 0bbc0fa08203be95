using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>The region's Aurora DB clusters (engine, encryption, status): the databases whose cluster snapshots can be shared.</summary>
public sealed class RdsClustersCollector : ICollector
{
    public string Name => "rds.clusters";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [RdsOperations.DescribeDBClusters];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Rds(context.ClientRegion), new DescribeDBClusters(), ct);
}
