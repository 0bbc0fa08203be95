using System.Text.Json.Nodes;

namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// The resources an event names, as LookupEvents reports them (ResourceType, ResourceName) and filters
/// on: found in the event's requestParameters and responseElements by the member names each service
/// uses (userName → AWS::IAM::User, bucketName → AWS::S3::Bucket, instanceId → AWS::EC2::Instance...).
/// </summary>
public static class EventResources
{
    private static readonly Dictionary<string, string> TypesByMember = new(StringComparer.Ordinal)
    {
        ["userName"] = "AWS::IAM::User",
        ["roleName"] = "AWS::IAM::Role",
        ["groupName"] = "AWS::IAM::Group",
        ["policyArn"] = "AWS::IAM::Policy",
        ["accessKeyId"] = "AWS::IAM::AccessKey",
        ["instanceProfileName"] = "AWS::IAM::InstanceProfile",
        ["bucketName"] = "AWS::S3::Bucket",
        ["instanceId"] = "AWS::EC2::Instance",
        ["keyName"] = "AWS::EC2::KeyPair",
        ["groupId"] = "AWS::EC2::SecurityGroup",
        ["volumeId"] = "AWS::EC2::Volume",
        ["snapshotId"] = "AWS::EC2::Snapshot",
        ["spotInstanceRequestId"] = "AWS::EC2::SpotInstanceRequest",
        ["dBInstanceIdentifier"] = "AWS::RDS::DBInstance",
        ["dBSnapshotIdentifier"] = "AWS::RDS::DBSnapshot",
        ["trailName"] = "AWS::CloudTrail::Trail",
    };

    public static IReadOnlyList<(string Type, string Name)> Of(CallRecord call)
    {
        var found = new List<(string, string)>();
        Walk(call.RequestParameters, found);
        Walk(call.ResponseElements, found);
        if (call.Service == "cloudtrail" && call.RequestParameters?["name"] is JsonValue name
            && name.TryGetValue<string>(out var trail))
            found.Add(("AWS::CloudTrail::Trail", trail));
        return found.Distinct().ToList();
    }

    private static void Walk(JsonNode? node, List<(string, string)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (member, value) in obj)
                {
                    if (TypesByMember.TryGetValue(member, out var type) && value is JsonValue v
                        && v.TryGetValue<string>(out var name) && name.Length > 0)
                        found.Add((type, name));
                    else Walk(value, found);
                }
                break;
            case JsonArray array:
                foreach (var item in array) Walk(item, found);
                break;
        }
    }
}
