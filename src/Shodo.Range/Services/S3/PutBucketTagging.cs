using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>PutBucketTagging (PUT /bucket?tagging): replaces the tag set (204).</summary>
internal sealed class PutBucketTagging() : S3Action("PUT", S3Level.Bucket, "tagging")
{
    public override string Name => "PutBucketTagging";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in S3Xml.Parse(call.Request.Body).Descendants(S3Xml.Ns + "Tag"))
        {
            var key = tag.Element(S3Xml.Ns + "Key")?.Value ?? throw new AwsError("MalformedXML", "Tag Key is required");
            if (!tags.TryAdd(key, tag.Element(S3Xml.Ns + "Value")?.Value ?? ""))
                throw new AwsError("InvalidTag", "Cannot provide multiple Tags with the same key");
        }
        if (tags.Count > 50) throw new AwsError("InvalidTag", "Object tags cannot be greater than 50");
        bucket.Tags = tags;
        return S3Xml.Empty(204);
    }
}
