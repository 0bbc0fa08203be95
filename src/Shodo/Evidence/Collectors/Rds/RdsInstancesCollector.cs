using Shodo.Aws;
using Shodo.Aws.Rds;
using Shodo.Aws.Rds.Calls;

namespace Shodo.Evidence.Collectors.Rds;

/// <summary>The region's RDS database instances (public accessibility, encryption, engine).</summary>
public sealed class RdsInstancesCollector : ICollector
{
    public string Name => "rds.instances";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [RdsOperations.DescribeDBInstances];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Rds(context.ClientRegion), new DescribeDBInstances(), ct);
}
