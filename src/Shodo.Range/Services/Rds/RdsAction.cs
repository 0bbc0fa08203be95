using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>An RDS operation: the snapshot, cluster or instance the call names is the resource it is authorized on.</summary>
public abstract class RdsAction : QueryAction
{
    /// <summary>The snapshot or instance the call names, as an ARN for authorization ("*" when none).</summary>
    public override string Resource(AwsRequest request)
    {
        if (request.Param("DBSnapshotIdentifier") is { Length: > 0 } snapshot)
            return snapshot.StartsWith("arn:", StringComparison.Ordinal) ? snapshot
                : $"arn:{request.Partition}:rds:{request.Region}:{request.AccountId}:snapshot:{snapshot}";
        if (request.Param("DBClusterSnapshotIdentifier") is { Length: > 0 } clusterSnapshot)
            return clusterSnapshot.StartsWith("arn:", StringComparison.Ordinal) ? clusterSnapshot
                : $"arn:{request.Partition}:rds:{request.Region}:{request.AccountId}:cluster-snapshot:{clusterSnapshot}";
        if (request.Param("DBClusterIdentifier") is { Length: > 0 } cluster)
            return cluster.StartsWith("arn:", StringComparison.Ordinal) ? cluster
                : $"arn:{request.Partition}:rds:{request.Region}:{request.AccountId}:cluster:{cluster}";
        if (request.Param("DBInstanceIdentifier") is { Length: > 0 } instance)
            return instance.StartsWith("arn:", StringComparison.Ordinal) ? instance
                : $"arn:{request.Partition}:rds:{request.Region}:{request.AccountId}:db:{instance}";
        return "*";
    }
}
