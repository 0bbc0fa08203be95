using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>RDS over the Query protocol; state per region. Each operation is one file, listed in <see cref="Operations"/>.</summary>
public sealed class RdsService : IAwsService
{
    private static readonly Dictionary<string, RdsOperation> Operations = new[]
    {
        DescribeDBInstances.Operation,
        DescribeDBSnapshots.Operation,
        DescribeDBSnapshotAttributes.Operation,
        ModifyDBSnapshotAttribute.Operation,
        CreateDBSnapshot.Operation,
        DescribeDBClusters.Operation,
        DescribeDBClusterSnapshots.Operation,
        DescribeDBClusterSnapshotAttributes.Operation,
        ModifyDBClusterSnapshotAttribute.Operation,
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string Name => "rds";
    public string EventSource => "rds.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.Query;
    public string XmlNamespace => "http://rds.amazonaws.com/doc/2014-10-31/";
    public bool IsGlobal => false;

    public AwsOperation Resolve(AwsRequest request)
    {
        var action = request.Param("Action") ?? throw AwsError.MissingParameter("Action");
        if (!Operations.TryGetValue(action, out var op)) throw AwsError.InvalidAction(action);
        return new AwsOperation(op.Name, "rds:" + op.Name, op.ReadOnly, ResourceArn(request));
    }

    /// <summary>The snapshot or instance the call names, as an ARN for authorization ("*" when none).</summary>
    private static string ResourceArn(AwsRequest request)
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

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var op = Operations[call.Operation.Name];
        lock (call.State.Sync) return Task.FromResult<AwsResponse>(op.Handle(call));
    }
}
