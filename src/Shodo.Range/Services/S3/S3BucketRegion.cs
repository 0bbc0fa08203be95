using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// S3 serves a bucket only in the bucket's own region. What it answers a request that reached another region
/// depends on how the bucket was addressed:
/// <list type="bullet">
/// <item>path-style (<c>https://s3.REGION.amazonaws.com/bucket/key</c>) at another region's endpoint: 301
///   <c>PermanentRedirect</c> naming the endpoint to use and the bucket, with the header
///   <c>x-amz-bucket-region</c> (a HEAD request gets the status and the header, no body);</item>
/// <item>virtual-hosted (<c>https://bucket.s3.amazonaws.com/key</c>, which DNS routes to the bucket's region)
///   signed for another region: 400 <c>AuthorizationHeaderMalformed</c> with the expected <c>Region</c>.</item>
/// </list>
/// The range is addressed path-style only (<c>aws --endpoint-url</c>, SDKs with ForcePathStyle), its one endpoint
/// standing for the regional endpoint of the region a request is signed for: a bucket of another region answers
/// 301 PermanentRedirect, which botocore follows by signing again for <c>x-amz-bucket-region</c> and Shodo avoids by
/// learning each bucket's region first (GetBucketLocation, answered for any bucket in any region, as S3 does).
/// </summary>
internal static class S3BucketRegion
{
    public static void Check(S3Action operation, AwsCall call, S3Target target)
    {
        if (operation.Level == S3Level.Service || operation.AnyRegion) return;
        if (call.State.FindBucket(target.Bucket) is not { } bucket || bucket.Region == call.Region) return;
        throw PermanentRedirect(bucket.Name, bucket.Region);
    }

    public static AwsError PermanentRedirect(string bucket, string region) =>
        new("PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint. " +
            "Please send all future requests to this endpoint.", 301)
        {
            Details = [new("Endpoint", $"s3.{region}.amazonaws.com"), new("Bucket", bucket)],
            Headers = new Dictionary<string, string> { ["x-amz-bucket-region"] = region },
        };
}
