using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Rds;

namespace Shodo.Range.Services.Rds;

/// <summary>
/// DescribeDBClusterSnapshots: by identifier (DBClusterSnapshotNotFoundFault), by cluster, by SnapshotType (automated, manual,
/// public — restorable by all; shared — none on the range) and filters; paged.
/// </summary>
internal sealed class DescribeDBClusterSnapshots : RdsAction
{
    public override string Name => "DescribeDBClusterSnapshots";
    private static readonly string[] SnapshotTypes = ["automated", "manual", "shared", "public", "awsbackup"];

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.Param("DBClusterSnapshotIdentifier");
        var cluster = request.Param("DBClusterIdentifier");
        var type = request.Param("SnapshotType");
        if (type is not null && !SnapshotTypes.Contains(type))
            throw AwsError.InvalidParameterValue($"Invalid value {type} for SnapshotType");
        var parameters = new JsonObject();
        if (identifier is not null) parameters["dBClusterSnapshotIdentifier"] = identifier;
        if (cluster is not null) parameters["dBClusterIdentifier"] = cluster;
        if (type is not null) parameters["snapshotType"] = type;
        call.RequestParameters = parameters.Count > 0 ? parameters : null;

        var filters = QueryParameters.Filters(request);
        var snapshots = identifier is not null
            ? [RdsLookup.ClusterSnapshot(call, identifier)]
            : call.State.Rds(call.Region).ClusterSnapshots.Values.ToList();
        var matching = snapshots.Where(s =>
            (cluster is null || RdsLookup.Id(cluster).Equals(s.ClusterIdentifier, StringComparison.OrdinalIgnoreCase))
            && OfType(s, type)
            && (!filters.TryGetValue("db-cluster-id", out var ids) || ids.Any(v => RdsLookup.Id(v).Equals(s.ClusterIdentifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("db-cluster-snapshot-id", out var sids) || sids.Any(v => RdsLookup.Id(v).Equals(s.Identifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("snapshot-type", out var types) || types.Contains(s.SnapshotType))
            && (!filters.TryGetValue("engine", out var engines) || engines.Contains(s.Engine)));
        var (page, marker) = RdsPage.Take(request, matching, s => s.Identifier);
        return RdsPage.Result(new XElement("DBClusterSnapshots", page.Select(s => RdsClusterXml.Snapshot(s, call.Now))), marker);
    }

    private static bool OfType(DbClusterSnapshot snapshot, string? type) => type switch
    {
        null => true,
        "public" => snapshot.RestoreAccounts.Contains("all"),
        "shared" or "awsbackup" => false,
        _ => snapshot.SnapshotType == type,
    };
}
