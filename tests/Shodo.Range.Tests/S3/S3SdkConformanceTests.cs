using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.S3;

/// <summary>S3 on the range through the AWS SDK for .NET (v4: flexible checksums, aws-chunked uploads).</summary>
public sealed class S3SdkConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AmazonS3Client Client(string region = "us-east-1") => new(
        new BasicAWSCredentials(fixture.Range.Responder.AccessKeyId, fixture.Range.Responder.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = fixture.Range.Url.ToString(), ForcePathStyle = true,
            AuthenticationRegion = region, MaxErrorRetry = 0,
        });

    [Fact]
    public async Task Put_list_get_and_head_an_object()
    {
        using var s3 = Client();
        var bucket = fixture.Unique("sdk");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var body = string.Concat(Enumerable.Repeat("0123456789", 20_000)); // large enough to stream in chunks
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = "exports/all.csv", ContentBody = body, ContentType = "text/csv",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, put.HttpStatusCode);
        Assert.Equal(Encoding.UTF8.GetBytes(body), fixture.Range.State.Buckets[bucket].Objects["exports/all.csv"].Body);

        var list = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "exports/" });
        var item = Assert.Single(list.S3Objects);
        Assert.Equal("exports/all.csv", item.Key);
        Assert.Equal(body.Length, item.Size);

        using var get = await s3.GetObjectAsync(bucket, "exports/all.csv");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal(body, await reader.ReadToEndAsync());
        Assert.Equal(put.ETag, get.ETag);

        var head = await s3.GetObjectMetadataAsync(bucket, "exports/all.csv");
        Assert.Equal(body.Length, head.ContentLength);
        Assert.Equal("text/csv", head.Headers.ContentType);
    }

    /// <summary>
    /// Block Public Access and a policy with a Deny through the SDK; CloudTrail records each as it was answered (a 204
    /// PutBucketPolicy was once recorded as InternalError though the client had its 204).
    /// </summary>
    [Fact]
    public async Task Block_public_access_and_a_policy_with_a_deny_for_an_outside_account_through_the_SDK()
    {
        using var s3 = Client();
        var bucket = fixture.Unique("sdk");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = false, IgnorePublicAcls = false, BlockPublicPolicy = false, RestrictPublicBuckets = false,
            },
        });
        Assert.Equal(new Shodo.Range.State.S3.S3PublicAccessBlock(false, false, false, false), fixture.Range.State.Buckets[bucket].PublicAccessBlock);
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"},{"Sid":"ShodoCloseDataDoor","Effect":"Deny","Principal":{"AWS":["arn:aws:iam::444455556666:root"]},"Action":"s3:*","Resource":["arn:aws:s3:::{{bucket}}","arn:aws:s3:::{{bucket}}/*"]}]}""";
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy });
        Assert.Equal(policy, (await s3.GetBucketPolicyAsync(bucket)).Policy);
        var status = await s3.GetBucketPolicyStatusAsync(new GetBucketPolicyStatusRequest { BucketName = bucket });
        Assert.True(status.PolicyStatus.IsPublic);
        await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = bucket,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = true, IgnorePublicAcls = true, BlockPublicPolicy = true, RestrictPublicBuckets = true,
            },
        });
        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucket, Policy = policy }));
        Assert.Equal("AccessDenied", refused.ErrorCode);
        lock (fixture.Range.State.Sync)
            Assert.Equal(["CreateBucket:", "PutPublicAccessBlock:", "PutBucketPolicy:", "PutPublicAccessBlock:", "PutBucketPolicy:AccessDenied"],
                fixture.Range.State.Calls.Where(c => c.RequestParameters?["bucketName"]?.ToString() == bucket && !c.ReadOnly)
                    .Select(c => $"{c.EventName}:{c.ErrorCode}"));
    }

    [Fact]
    public async Task Buckets_tags_policy_and_errors_through_the_SDK()
    {
        using var s3 = Client();
        var bucket = fixture.Unique("sdk");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var buckets = await s3.ListBucketsAsync();
        Assert.Contains(buckets.Buckets, b => b.BucketName == bucket);

        var noTags = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket }));
        Assert.Equal("NoSuchTagSet", noTags.ErrorCode);
        await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = bucket, TagSet = [new Tag { Key = "pii", Value = "yes" }] });
        var tags = await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest { BucketName = bucket });
        Assert.Equal("yes", Assert.Single(tags.TagSet).Value);

        // The .NET SDK does not throw for NoSuchBucketPolicy: it returns the 404 and the error body.
        var none = await s3.GetBucketPolicyAsync(bucket);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, none.HttpStatusCode);
        Assert.Contains("<Code>NoSuchBucketPolicy</Code>", none.Policy);
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await s3.PutBucketPolicyAsync(bucket, policy);
        Assert.Equal(policy, (await s3.GetBucketPolicyAsync(bucket)).Policy);

        var noKey = await Assert.ThrowsAsync<NoSuchKeyException>(() => s3.GetObjectAsync(bucket, "missing"));
        Assert.Equal("NoSuchKey", noKey.ErrorCode);
        var noBucket = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fixture.Unique("none") }));
        Assert.Equal("NoSuchBucket", noBucket.ErrorCode);

        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = bucket });
        Assert.Equal(VersionStatus.Off, versioning.VersioningConfig.Status);
        var block = await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = bucket });
        Assert.True(block.PublicAccessBlockConfiguration.BlockPublicPolicy);
        var acl = await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = bucket });
        Assert.Equal(S3Permission.FULL_CONTROL, Assert.Single(acl.Grants).Permission);
    }
}
