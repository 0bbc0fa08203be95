using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.S3;

/// <summary>
/// S3 in the state file: every bucket with its region, creation time, objects (bytes, content type,
/// metadata, last modified), policy, tags, public access block, versioning and ACL grants.
/// </summary>
public sealed class S3StatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "s3";

    public JsonNode Save(RangeState state) =>
        JsonSerializer.SerializeToNode(state.Buckets.Values.Select(BucketData.From).ToList(), Options)!;

    public void Load(RangeState state, JsonNode node)
    {
        var buckets = node.Deserialize<List<BucketData>>(Options) ?? throw new InvalidDataException("The s3 state is empty.");
        state.Buckets.Clear();
        foreach (var data in buckets) state.Buckets[data.Name] = data.ToBucket();
    }

    private sealed record BucketData(
        string Name, string Region, DateTimeOffset CreatedAt, List<ObjectData> Objects, string? Policy,
        Dictionary<string, string>? Tags, S3PublicAccessBlock? PublicAccessBlock, string? Versioning,
        List<S3Grant> Grants, S3Encryption? Encryption = null)
    {
        public static BucketData From(S3Bucket b) => new(
            b.Name, b.Region, b.CreatedAt, b.Objects.Values.Select(ObjectData.From).ToList(), b.Policy,
            b.Tags, b.PublicAccessBlock, b.Versioning, b.Grants, b.Encryption);

        public S3Bucket ToBucket()
        {
            var bucket = new S3Bucket(Name, Region, CreatedAt)
            {
                Policy = Policy, Tags = Tags, PublicAccessBlock = PublicAccessBlock, Versioning = Versioning,
                Encryption = Encryption ?? new S3Encryption(),
            };
            foreach (var o in Objects) bucket.Objects[o.Key] = o.ToObject();
            bucket.Grants.AddRange(Grants);
            return bucket;
        }
    }

    private sealed record ObjectData(
        string Key, byte[] Body, string ContentType, DateTimeOffset LastModified, Dictionary<string, string> Metadata)
    {
        public static ObjectData From(S3Object o) => new(o.Key, o.Body, o.ContentType, o.LastModified, o.Metadata);

        public S3Object ToObject() => new(Key, Body, ContentType, LastModified)
        {
            Metadata = new Dictionary<string, string>(Metadata, StringComparer.OrdinalIgnoreCase),
        };
    }
}
