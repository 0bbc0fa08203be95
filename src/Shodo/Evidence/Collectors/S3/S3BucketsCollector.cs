using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Shodo.Aws;
using Shodo.Aws.S3;

namespace Shodo.Evidence.Collectors.S3;

/// <summary>
/// Every bucket, and per bucket (in its own region): location, policy, ACL, public access block,
/// versioning and tags (tags say which buckets hold personal data). A bucket with no policy, no
/// public access block or no tags answers NoSuch*: that answer is stored as a fact, not a gap.
/// </summary>
public sealed class S3BucketsCollector : ICollector
{
    private const int BucketsAtOnce = 4;

    public string Name => "s3.buckets";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } =
    [
        S3Operations.ListBuckets, S3Operations.GetBucketLocation, S3Operations.GetBucketPolicy, S3Operations.GetBucketAcl,
        S3Operations.GetPublicAccessBlock, S3Operations.GetBucketVersioning, S3Operations.GetBucketTagging,
    ];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var home = context.Aws.S3(context.Aws.Region);
        var pages = await context.SdkPagesAsync(S3Operations.ListBuckets, null, async (token, c) =>
        {
            var r = await home.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token }, c);
            return (r, r.ContinuationToken);
        }, ct);
        var buckets = (pages ?? []).SelectMany(p => p.Buckets ?? []).Select(b => b.BucketName).Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = BucketsAtOnce, CancellationToken = ct },
            async (bucket, c) => await CollectBucketAsync(context, bucket, c));
    }

    private static async Task CollectBucketAsync(CollectionContext context, string bucket, CancellationToken ct)
    {
        var named = new JsonObject { ["Bucket"] = bucket };
        var home = context.Aws.S3(context.Aws.Region);
        var location = await context.In(context.Aws.Region).SdkAsync(S3Operations.GetBucketLocation, Copy(named), null,
            c => home.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, c), ct);
        // An empty LocationConstraint is us-east-1 (and "EU" the old name of eu-west-1).
        var region = location?.Location?.Value switch { null or "" => "us-east-1", "EU" => "eu-west-1", var v => v };
        var here = context.In(region);
        var s3 = context.Aws.S3(region);
        await here.SdkAsync(S3Operations.GetBucketPolicy, Copy(named), null,
            c => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = bucket }, c), ct, "NoSuchBucketPolicy");
        await here.SdkAsync(S3Operations.GetBucketAcl, Copy(named), null,
            c => s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket }, c), ct);
        await here.SdkAsync(S3Operations.GetPublicAccessBlock, Copy(named), null,
            c => s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket }, c), ct,
            "NoSuchPublicAccessBlockConfiguration");
        await here.SdkAsync(S3Operations.GetBucketVersioning, Copy(named), null,
            c => s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket }, c), ct);
        await here.SdkAsync(S3Operations.GetBucketTagging, Copy(named), null,
            c => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }, c), ct, "NoSuchTagSet");
    }

    private static JsonObject Copy(JsonObject o) => o.DeepClone().AsObject();
}
