using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>CreateDBSnapshot: a manual snapshot of an instance, "creating" for a while in simulated time.</summary>
internal sealed partial class CreateDBSnapshot : RdsAction
{
    public override string Name => "CreateDBSnapshot";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,254}$")]
    private static partial Regex SnapshotName();

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.RequiredParam("DBSnapshotIdentifier");
        var instanceId = request.RequiredParam("DBInstanceIdentifier");
        call.RequestParameters = new JsonObject { ["dBSnapshotIdentifier"] = identifier, ["dBInstanceIdentifier"] = instanceId };
        if (!SnapshotName().IsMatch(identifier) || identifier.EndsWith('-') || identifier.Contains("--"))
            throw AwsError.InvalidParameterValue($"The parameter DBSnapshotIdentifier is not a valid identifier.");
        var instance = RdsLookup.Instance(call, instanceId);
        if (call.State.Rds(call.Region).Snapshots.ContainsKey(identifier))
            throw new AwsError("DBSnapshotAlreadyExists", $"Cannot create the snapshot because a snapshot with the identifier {identifier} already exists.");
        if (instance.Status != "available")
            throw new AwsError("InvalidDBInstanceState", $"DBInstance {instance.Identifier} is not in available state.");

        var snapshot = call.State.CreateDbSnapshot(call.Region, identifier, instance.Identifier, at: call.Now);
        foreach (var i in Enumerable.Range(1, 50))
        {
            if (request.Param($"Tags.Tag.{i}.Key") is not { } key) break;
            snapshot.Tags[key] = request.Param($"Tags.Tag.{i}.Value") ?? "";
        }
        call.ResponseElements = new JsonObject
        {
            ["dBSnapshotIdentifier"] = snapshot.Identifier,
            ["dBInstanceIdentifier"] = snapshot.InstanceIdentifier,
            ["status"] = snapshot.StatusAt(call.Now),
            ["dBSnapshotArn"] = snapshot.Arn,
            ["snapshotType"] = snapshot.SnapshotType,
        };
        return new XmlResult(RdsXml.Snapshot(snapshot, call.Now));
    }
}
