using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>
/// ModifyDBSnapshotAttribute: adds or removes account ids (or <c>all</c>, making it public) in a manual,
/// available snapshot's <c>restore</c> attribute — how a snapshot is shared with another account; an encrypted one only
/// with named accounts, and never when the default key encrypts it (<see cref="EncryptedDbSnapshotSharing"/>).
/// </summary>
internal sealed partial class ModifyDBSnapshotAttribute : RdsAction
{
    public override string Name => "ModifyDBSnapshotAttribute";
    public const int MaxSharedAccounts = 20;

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    public override AwsResponse Handle(AwsCall call)
    {
        var request = call.Request;
        var identifier = request.RequiredParam("DBSnapshotIdentifier");
        var attribute = request.RequiredParam("AttributeName");
        var add = QueryParameters.List(request, "ValuesToAdd", "AttributeValue");
        var remove = QueryParameters.List(request, "ValuesToRemove", "AttributeValue");
        var parameters = new JsonObject { ["dBSnapshotIdentifier"] = identifier, ["attributeName"] = attribute };
        if (add.Count > 0) parameters["valuesToAdd"] = new JsonArray(add.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        if (remove.Count > 0) parameters["valuesToRemove"] = new JsonArray(remove.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
        call.RequestParameters = parameters;

        if (attribute != "restore")
            throw AwsError.InvalidParameterValue($"Invalid snapshot attribute name: {attribute}. Only restore is supported.");
        var snapshot = RdsLookup.Snapshot(call, identifier);
        if (snapshot.StatusAt(call.Now) != "available")
            throw new AwsError("InvalidDBSnapshotState", $"Cannot modify attributes of snapshot {snapshot.Identifier} which is not in the available state.");
        if (snapshot.SnapshotType != "manual")
            throw new AwsError("InvalidDBSnapshotState", "Only manual snapshots can be shared.");
        if (add.Concat(remove).FirstOrDefault(v => v != "all" && !AccountId().IsMatch(v)) is { } bad)
            throw AwsError.InvalidParameterValue($"Invalid account identifier: {bad}");

        EncryptedDbSnapshotSharing.Check(call, snapshot.Identifier, snapshot.Encrypted, snapshot.KmsKeyId, add);
        var accounts = snapshot.RestoreAccounts.Except(remove).Union(add).ToList();
        if (accounts.Count(a => a != "all") > MaxSharedAccounts)
            throw new AwsError("SharedSnapshotQuotaExceeded",
                $"You have exceeded the maximum number of accounts ({MaxSharedAccounts}) that can share a snapshot.");
        snapshot.RestoreAccounts.Clear();
        snapshot.RestoreAccounts.AddRange(accounts);

        call.ResponseElements = new JsonObject
        {
            ["dBSnapshotIdentifier"] = snapshot.Identifier,
            ["dBSnapshotAttributes"] = new JsonArray(new JsonObject
            {
                ["attributeName"] = "restore",
                ["attributeValues"] = new JsonArray(accounts.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            }),
        };
        return new XmlResult(RdsXml.Attributes(snapshot));
    }
}
