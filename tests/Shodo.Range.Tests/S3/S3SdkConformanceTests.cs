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
