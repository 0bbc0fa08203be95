using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>GetBucketTagging (GET /bucket?tagging): the tag set, or NoSuchTagSet.</summary>
internal sealed class GetBucketTagging() : S3Action("GET", S3Level.Bucket, "tagging")
{
    public override string Name => "GetBucketTagging";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var bucket = S3Errors.Bucket(call.State, target.Bucket);
        if (bucket.Tags is null || bucket.Tags.Count == 0)
            throw new AwsError("NoSuchTagSet", "The TagSet does not exist", 404);
        return S3Xml.Document(S3Xml.E("Tagging", S3Xml.E("TagSet",
            bucket.Tags.Select(t => S3Xml.E("Tag", S3Xml.E("Key", t.Key), S3Xml.E("Value", t.Value))))));
    }
}
