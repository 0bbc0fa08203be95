using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketTagging (GET /bucket?tagging): the tag set, or NoSuchTagSet.</summary>
internal static class GetBucketTagging
{
    public static readonly S3Operation Operation = new("GetBucketTagging", "GET", S3Level.Bucket, "tagging",
        "s3:GetBucketTagging", ReadOnly: true, Handle);

    private static AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        if (bucket.Tags is null || bucket.Tags.Count == 0)
            throw new AwsError("NoSuchTagSet", "The TagSet does not exist", 404);
        return S3Xml.Document(S3Xml.E("Tagging", S3Xml.E("TagSet",
            bucket.Tags.Select(t => S3Xml.E("Tag", S3Xml.E("Key", t.Key), S3Xml.E("Value", t.Value))))));
    }
}
