using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Shodo.Aws;
using Shodo.Aws.Protocols;
using Shodo.Aws.S3;
using Shodo.Aws.S3Control;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.S3;

/// <summary>
/// Every bucket, and per bucket (in its own region): location, policy, ACL, public access block,
/// versioning, tags (tags say which buckets hold personal data) and default encryption (an SSE-KMS key decides who can
/// read the objects as much as the policies do). A bucket with no policy, no
/// public access block or no tags answers NoSuch*: that answer is stored as a fact, not a gap. Beside them the account's own
/// Block Public Access (S3 Control), which S3 applies to every bucket with the bucket's: refused, it is a named gap.
/// </summary>
public sealed class S3BucketsCollector : ICollector, ISnapshotPart
{
    private const int BucketsAtOnce = 4;

    public string Name => "s3.buckets";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } =
    [
        S3Operations.ListBuckets, S3Operations.GetBucketLocation, S3Operations.GetBucketPolicy, S3Operations.GetBucketAcl,
        S3Operations.GetPublicAccessBlock, S3Operations.GetBucketVersioning, S3Operations.GetBucketTagging,
        S3ControlOperations.GetPublicAccessBlock,
        S3Operations.GetBucketEncryption,
    ];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        // Beside the buckets, not in front of them: two calls (STS, S3 Control) the bucket reads need not wait for.
        var account = CollectAccountBlockAsync(context, ct);
        var home = context.Aws.S3(context.Aws.Region);
        var pages = await context.SdkPagesAsync(S3Operations.ListBuckets, null, async (token, c) =>
        {
            var r = await home.ListBucketsAsync(new ListBucketsRequest { ContinuationToken = token }, c);
            return (r, r.ContinuationToken);
        }, ct);
        var buckets = (pages ?? []).SelectMany(p => p.Buckets ?? []).Select(b => b.BucketName).Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(buckets, new ParallelOptions { MaxDegreeOfParallelism = BucketsAtOnce, CancellationToken = ct },
            async (bucket, c) => await CollectBucketAsync(context, bucket, c));
        await account;
    }

    private static async Task CollectBucketAsync(CollectionContext context, string bucket, CancellationToken ct)
    {
        var named = new JsonObject { ["Bucket"] = bucket };
        var home = context.Aws.S3(context.Aws.Region);
        var location = await context.In(context.Aws.Region).SdkAsync(S3Operations.GetBucketLocation, Copy(named), null,
            c => home.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = bucket }, c), ct);
        // Unanswered (throttled, refused), the bucket's region is not known: its reads are not sent to a region guessed for it,
        // where S3 answers PermanentRedirect and each read would be a lasting gap beside the one that names the cause (the
        // location's, which a resume tries again with the whole collector).
        if (location is null) return;
        var region = S3BucketRegions.FromLocationConstraint(location.Location?.Value);
        context.Aws.BucketRegions.Know(bucket, region);
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
        await here.SdkAsync(S3Operations.GetBucketEncryption, Copy(named), null,
            c => s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = bucket }, c), ct,
            "ServerSideEncryptionConfigurationNotFoundError");
    }

    /// <summary>
    /// The account's Block Public Access, asked of S3 Control for the caller's own account; stored from the transport's recording as
    /// an SDK answer is, none configured included (NoSuchPublicAccessBlockConfiguration is a fact).
    /// </summary>
    private static Task CollectAccountBlockAsync(CollectionContext context, CancellationToken ct) =>
        context.SdkAsync(S3ControlOperations.GetPublicAccessBlock, null, null, async c =>
        {
            var account = (await context.Aws.WhoAmIAsync(c)).Account;
            return (await context.Aws.S3Control().GetPublicAccessBlockAsync(account, c)).Block;
        }, ct, "NoSuchPublicAccessBlockConfiguration");

    private static JsonObject Copy(JsonObject o) => o.DeepClone().AsObject();

    /// <summary>Buckets with their region and tags, each bucket policy read (none where S3 answered NoSuchBucketPolicy), ACL and Block Public Access.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        var names = new List<string>();
        await answers.ForEachXmlAsync("s3", "ListBuckets", a =>
            names.AddRange(a.Body.Descendants("Bucket").Select(b => b.Text("Name")).OfType<string>()), ct);
        var regions = new Dictionary<string, string>();
        await answers.ForEachXmlAsync("s3", "GetBucketLocation", a =>
        {
            if (a.Parameter("Bucket") is { } b) regions[b] = S3BucketRegions.FromLocationConstraint(a.Body.Value);
        }, ct);
        var tags = new Dictionary<string, (Dictionary<string, string> Tags, string Evidence)>();
        await answers.ForEachXmlAsync("s3", "GetBucketTagging", a =>
        {
            if (a.Parameter("Bucket") is { } b)
                tags[b] = (a.Body.Descendants("Tag").ToDictionary(t => t.Required("Key"), t => t.Required("Value")), a.Record.Sha256);
        }, ct);
        await answers.ForEachTextAsync("s3", "GetBucketPolicy", a =>
        {
            if (a.Parameter("Bucket") is not { } b) return;
            if (a.Body.TrimStart().StartsWith('<'))
            {
                if (Xml.Load(System.Text.Encoding.UTF8.GetBytes(a.Body)).Descendants("Code").FirstOrDefault()?.Value == "NoSuchBucketPolicy")
                    s.BucketPolicies.Add(new BucketPolicyFact(b, null, a.Record.Sha256, a.Record.Region));
                return;
            }
            using var policy = System.Text.Json.JsonDocument.Parse(a.Body);
            s.BucketPolicies.Add(new BucketPolicyFact(b, a.Body, a.Record.Sha256, a.Record.Region));
        }, ct);
        AccountSnapshot.Dedupe(s.BucketPolicies, p => p.Bucket);
        await S3BucketAccessFacts.ReadAsync(answers, s, ct);
        foreach (var name in names.Distinct())
            s.Buckets.Add(new BucketFact(name, regions.GetValueOrDefault(name),
                tags.TryGetValue(name, out var t) ? t.Tags : new Dictionary<string, string>(), tags.TryGetValue(name, out var u) ? u.Evidence : null));
    }
}
