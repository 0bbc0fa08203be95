using Shodo.Trail.Records;

namespace Shodo.Investigation.Timeline;

/// <summary>The resources an event names in its request or response: instances, buckets, objects, users, keys, snapshots, key pairs, groups.</summary>
public static class TouchedResources
{
    private static readonly string[] Fields =
    [
        "instanceId", "spotInstanceRequestId", "keyName", "groupId", "userName", "accessKeyId", "dBSnapshotIdentifier",
        "snapshotId", "volumeId", "policyArn", "roleName", "name", "roleArn",
    ];

    public static IReadOnlyList<string> Of(TrailRecord e)
    {
        var found = new List<string>();
        foreach (var part in new[] { "requestParameters", "responseElements" })
        {
            if (!e.Raw.TryGetProperty(part, out var element)) continue;
            foreach (var field in Fields)
                foreach (var value in TrailRecordJson.All(element, field))
                    if (!(field == "accessKeyId" && part == "responseElements" && e.EventName != "CreateAccessKey"))
                        found.Add(value);
        }
        if (TrailRecordJson.Path(e.Raw, "requestParameters", "bucketName") is { } bucket)
            found.Add(TrailRecordJson.Path(e.Raw, "requestParameters", "key") is { } key ? $"s3://{bucket}/{key}" : $"s3://{bucket}");
        return found.Distinct(StringComparer.Ordinal).ToList();
    }
}
