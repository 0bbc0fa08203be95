using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Rds;

namespace Shodo.Range.Services.Rds;

/// <summary>
/// DescribeDBSnapshots: by identifier (DBSnapshotNotFound), by instance, by SnapshotType (automated,
/// manual, public — the account's snapshots restorable by all; shared — snapshots other accounts shared
/// with this one, none on the range) and filters; paged.
/// </summary>
internal sealed class DescribeDBSnapshots : RdsAction
{
    public override string Name => "DescribeDBSnapshots";
    private static readonly string[] SnapshotTypes = ["automated", "manual", "shared", "public", "awsbackup"];

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.Param("DBSnapshotIdentifier");
        var instance = request.Param("DBInstanceIdentifier");
        var type = request.Param("SnapshotType");
        if (type is not null && !SnapshotTypes.Contains(type))
            throw AwsError.InvalidParameterValue($"Invalid value {type} for SnapshotType");
        var parameters = new JsonObject();
        if (identifier is not null) parameters["dBSnapshotIdentifier"] = identifier;
        if (instance is not null) parameters["dBInstanceIdentifier"] = instance;
        if (type is not null) parameters["snapshotType"] = type;
        call.RequestParameters = parameters.Count > 0 ? parameters : null;

        var filters = QueryParameters.Filters(request);
        var snapshots = identifier is not null
            ? [RdsLookup.Snapshot(call, identifier)]
            : call.State.Rds(call.Region).Snapshots.Values.ToList();
        var matching = snapshots.Where(s =>
            (instance is null || RdsLookup.Id(instance).Equals(s.InstanceIdentifier, StringComparison.OrdinalIgnoreCase))
            && OfType(s, type)
            && (!filters.TryGetValue("db-instance-id", out var ids) || ids.Any(v => RdsLookup.Id(v).Equals(s.InstanceIdentifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("db-snapshot-id", out var sids) || sids.Any(v => RdsLookup.Id(v).Equals(s.Identifier, StringComparison.OrdinalIgnoreCase)))
            && (!filters.TryGetValue("snapshot-type", out var types) || types.Contains(s.SnapshotType))
            && (!filters.TryGetValue("engine", out var engines) || engines.Contains(s.Engine))
            && (!filters.TryGetValue("dbi-resource-id", out var resources) || resources.Contains(s.InstanceResourceId)));
        var (page, marker) = RdsPage.Take(request, matching, s => s.Identifier);
        return RdsPage.Result(new XElement("DBSnapshots", page.Select(s => RdsXml.Snapshot(s, call.Now))), marker);
    }

    private static bool OfType(DbSnapshot snapshot, string? type) => type switch
    {
        null => true,
        "public" => snapshot.RestoreAccounts.Contains("all"),
        "shared" => false,
        "awsbackup" => false,
        _ => snapshot.SnapshotType == type,
    };
}
