using Shodo.Range.Serving;
using Shodo.Range.State.Rds;

namespace Shodo.Range.Services.Rds;

/// <summary>Finding a region's DB instances and snapshots by identifier or ARN, with RDS's not-found faults.</summary>
internal static class RdsLookup
{
    public static string Id(string identifierOrArn) =>
        identifierOrArn.StartsWith("arn:", StringComparison.Ordinal) ? identifierOrArn[(identifierOrArn.LastIndexOf(':') + 1)..] : identifierOrArn;

    public static DbSnapshot Snapshot(AwsCall call, string identifier) =>
        call.State.Rds(call.Region).Snapshots.GetValueOrDefault(Id(identifier))
        ?? throw new AwsError("DBSnapshotNotFound", $"DBSnapshot {Id(identifier)} not found.", 404);

    public static DbCluster Cluster(AwsCall call, string identifier) =>
        call.State.Rds(call.Region).Clusters.GetValueOrDefault(Id(identifier))
        ?? throw new AwsError("DBClusterNotFoundFault", $"DBCluster {Id(identifier)} not found.", 404);

    public static DbClusterSnapshot ClusterSnapshot(AwsCall call, string identifier) =>
        call.State.Rds(call.Region).ClusterSnapshots.GetValueOrDefault(Id(identifier))
        ?? throw new AwsError("DBClusterSnapshotNotFoundFault", $"DBClusterSnapshot {Id(identifier)} not found.", 404);

    public static DbInstance Instance(AwsCall call, string identifier) =>
        call.State.Rds(call.Region).Instances.GetValueOrDefault(Id(identifier))
        ?? throw new AwsError("DBInstanceNotFound", $"DBInstance {Id(identifier)} not found.", 404);
}
