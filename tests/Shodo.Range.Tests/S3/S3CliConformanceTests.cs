using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.S3;

/// <summary>S3 on the range, driven by the real AWS CLI (s3api and s3), asserting on its parsed output.</summary>
public sealed class S3CliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shodo-s3-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AwsCli Cli => fixture.Cli;

    private async Task<string> BucketAsync()
    {
        var name = fixture.Unique("bucket");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", name);
        return name;
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task CreateBucket_then_ListBuckets_shows_it_with_its_region()
    {
        var east = await BucketAsync();
        var west = fixture.Unique("west");
        var created = await Cli.InRegion("eu-west-1").OkAsync("s3api", "create-bucket", "--bucket", west,
            "--create-bucket-configuration", "LocationConstraint=eu-west-1");
        Assert.Contains(west, created.GetProperty("Location").GetString());

        var list = await Cli.OkAsync("s3api", "list-buckets");
        var names = list.GetProperty("Buckets").EnumerateArray().Select(b => b.GetProperty("Name").GetString()).ToList();
        Assert.Contains(east, names);
        Assert.Contains(west, names);
        Assert.Equal(64, list.GetProperty("Owner").GetProperty("ID").GetString()!.Length);

        var location = await Cli.OkAsync("s3api", "get-bucket-location", "--bucket", west);
        Assert.Equal("eu-west-1", location.GetProperty("LocationConstraint").GetString());
        var eastLocation = await Cli.OkAsync("s3api", "get-bucket-location", "--bucket", east);
        Assert.Equal(JsonValueKind.Null, eastLocation.GetProperty("LocationConstraint").ValueKind);
    }

    /// <summary>
    /// A path-style request for a bucket of another region, as S3 answers it at a regional endpoint: 301 PermanentRedirect
    /// with the bucket's endpoint and x-amz-bucket-region (a HEAD request the status and header alone); the AWS CLI
    /// recognises it, signs again for eu-west-1 and succeeds. GetBucketLocation answers in any region.
    /// </summary>
    [Fact]
    public async Task A_bucket_of_another_region_is_a_301_PermanentRedirect_that_the_cli_follows_to_the_bucket_region()
    {
        var west = fixture.Unique("west");
        await Cli.InRegion("eu-west-1").OkAsync("s3api", "create-bucket", "--bucket", west,
            "--create-bucket-configuration", "LocationConstraint=eu-west-1");
        fixture.Range.State.PutObject(west, "AWSLogs/trail.json.gz", "x"u8.ToArray());

        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        using var raw = await http.GetAsync("s3", "us-east-1", $"/{west}?list-type=2");
        var body = await raw.Content.ReadAsStringAsync();
        using var head = await new HttpClient().SendAsync(http.Build(HttpMethod.Head, "s3", "us-east-1", $"/{west}/AWSLogs/trail.json.gz",
            "", null, null, null));
        using var inRegion = await http.GetAsync("s3", "eu-west-1", $"/{west}?list-type=2");

        Assert.Equal(301, (int)raw.StatusCode);
        Assert.Equal("eu-west-1", raw.Headers.GetValues("x-amz-bucket-region").Single());
        Assert.Contains("<Code>PermanentRedirect</Code>", body);
        Assert.Contains("<Endpoint>s3.eu-west-1.amazonaws.com</Endpoint>", body);
        Assert.Contains($"<Bucket>{west}</Bucket>", body);
        Assert.Equal(301, (int)head.StatusCode);
        Assert.Equal("eu-west-1", head.Headers.GetValues("x-amz-bucket-region").Single());
        Assert.Equal(200, (int)inRegion.StatusCode);

        var listed = await Cli.RunAsync("s3api", "list-objects-v2", "--bucket", west, "--debug");
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Contains("PermanentRedirect", listed.Stderr);
        Assert.Matches("HTTP/1\\.1\" 301", listed.Stderr);
        Assert.Contains("\"AWSLogs/trail.json.gz\"", listed.Stdout);
        var location = await Cli.OkAsync("s3api", "get-bucket-location", "--bucket", west);
        Assert.Equal("eu-west-1", location.GetProperty("LocationConstraint").GetString());
    }

    [Fact]
    public async Task Creating_an_owned_bucket_again_outside_us_east_1_is_BucketAlreadyOwnedByYou()
    {
        var west = fixture.Unique("west");
        var cli = Cli.InRegion("eu-west-1");
        await cli.OkAsync("s3api", "create-bucket", "--bucket", west, "--create-bucket-configuration", "LocationConstraint=eu-west-1");
        await cli.FailsWithAsync("BucketAlreadyOwnedByYou", "s3api", "create-bucket", "--bucket", west,
            "--create-bucket-configuration", "LocationConstraint=eu-west-1");
        await Cli.FailsWithAsync("InvalidBucketName", "s3api", "create-bucket", "--bucket", "Not_Valid");
    }

    [Fact]
    public async Task PutObject_HeadObject_GetObject_round_trip_bytes_and_metadata()
    {
        var bucket = await BucketAsync();
        var put = await Cli.OkAsync("s3api", "put-object", "--bucket", bucket, "--key", "dir/people.csv",
            "--body", File("people.csv", "id,name\n1,Hanako\n"), "--content-type", "text/csv", "--metadata", "owner=hr");
        var etag = put.GetProperty("ETag").GetString();
        Assert.Matches("^\"[0-9a-f]{32}\"$", etag);

        var head = await Cli.OkAsync("s3api", "head-object", "--bucket", bucket, "--key", "dir/people.csv");
        Assert.Equal(17, head.GetProperty("ContentLength").GetInt64());
        Assert.Equal("text/csv", head.GetProperty("ContentType").GetString());
        Assert.Equal(etag, head.GetProperty("ETag").GetString());
        Assert.Equal("hr", head.GetProperty("Metadata").GetProperty("owner").GetString());

        var target = Path.Combine(_dir, "out.csv");
        var get = await Cli.OkAsync("s3api", "get-object", "--bucket", bucket, "--key", "dir/people.csv", target);
        Assert.Equal(17, get.GetProperty("ContentLength").GetInt64());
        Assert.Equal("id,name\n1,Hanako\n", System.IO.File.ReadAllText(target));
    }

    [Fact]
    public async Task Missing_buckets_and_keys_are_NoSuchBucket_and_NoSuchKey()
    {
        var bucket = await BucketAsync();
        await Cli.FailsWithAsync("NoSuchKey", "s3api", "get-object", "--bucket", bucket, "--key", "nope", Path.Combine(_dir, "x"));
        await Cli.FailsWithAsync("NoSuchBucket", "s3api", "list-objects-v2", "--bucket", fixture.Unique("missing"));
        var head = await Cli.RunAsync("s3api", "head-object", "--bucket", bucket, "--key", "nope");
        Assert.NotEqual(0, head.ExitCode);
        Assert.Contains("404", head.Stderr);
    }

    [Fact]
    public async Task ListObjectsV2_pages_with_prefix_delimiter_and_continuation_tokens()
    {
        var bucket = await BucketAsync();
        foreach (var key in new[] { "a.txt", "logs/1.txt", "logs/2.txt", "logs/deep/3.txt", "z.txt" })
            fixture.Range.State.PutObject(bucket, key, "x"u8.ToArray());

        var all = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2");
        Assert.Equal(["a.txt", "logs/1.txt", "logs/2.txt", "logs/deep/3.txt", "z.txt"],
            all.GetProperty("Contents").EnumerateArray().Select(c => c.GetProperty("Key").GetString()));

        var top = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/");
        Assert.Equal(["a.txt", "z.txt"], top.GetProperty("Contents").EnumerateArray().Select(c => c.GetProperty("Key").GetString()));
        Assert.Equal(["logs/"], top.GetProperty("CommonPrefixes").EnumerateArray().Select(c => c.GetProperty("Prefix").GetString()));

        var logs = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", "logs/", "--delimiter", "/");
        Assert.Equal(2, logs.GetProperty("Contents").GetArrayLength());
        Assert.Equal(["logs/deep/"], logs.GetProperty("CommonPrefixes").EnumerateArray().Select(c => c.GetProperty("Prefix").GetString()));

        var first = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--max-items", "3");
        Assert.True(first.TryGetProperty("NextToken", out var next), first.ToString());
        var token = next.GetString();
        var rest = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--starting-token", token!);
        Assert.Equal(["logs/deep/3.txt", "z.txt"], rest.GetProperty("Contents").EnumerateArray().Select(c => c.GetProperty("Key").GetString()));

        var v1 = await Cli.OkAsync("s3api", "list-objects", "--bucket", bucket, "--page-size", "2", "--prefix", "logs/");
        Assert.Equal(3, v1.GetProperty("Contents").GetArrayLength());
    }

    [Fact]
    public async Task Keys_with_spaces_and_unicode_survive_url_encoding()
    {
        var bucket = await BucketAsync();
        fixture.Range.State.PutObject(bucket, "報告 2026/給与 +.csv", "x"u8.ToArray());
        var list = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket);
        Assert.Equal("報告 2026/給与 +.csv", list.GetProperty("Contents")[0].GetProperty("Key").GetString());
        var head = await Cli.OkAsync("s3api", "head-object", "--bucket", bucket, "--key", "報告 2026/給与 +.csv");
        Assert.Equal(1, head.GetProperty("ContentLength").GetInt64());
    }

    [Fact]
    public async Task A_key_holding_esc_lists_through_url_encoding_and_otherwise_as_a_character_reference_as_s3_does()
    {
        var bucket = await BucketAsync();
        const string key = "AWSLogs/x\u001b[2J\u0007.json.gz";
        fixture.Range.State.PutObject(bucket, key, "x"u8.ToArray());

        // The CLI asks for encoding-type=url by itself and decodes the keys.
        var list = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket);
        using var http = new SignedHttp(fixture.Range.Url, fixture.Range.Responder);
        using var raw = await http.GetAsync("s3", "us-east-1", $"/{bucket}?list-type=2");
        var body = await raw.Content.ReadAsStringAsync();

        Assert.Equal(key, list.GetProperty("Contents")[0].GetProperty("Key").GetString());
        Assert.Equal(200, (int)raw.StatusCode);
        Assert.Contains("<Key>AWSLogs/x&#x1B;[2J&#x7;.json.gz</Key>", body);
    }

    [Fact]
    public async Task Bucket_policy_is_absent_until_put_and_then_returned_as_written()
    {
        var bucket = await BucketAsync();
        await Cli.FailsWithAsync("NoSuchBucketPolicy", "s3api", "get-bucket-policy", "--bucket", bucket);
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", policy);
        var got = await Cli.OkAsync("s3api", "get-bucket-policy", "--bucket", bucket);
        Assert.Equal(policy, got.GetProperty("Policy").GetString());
        var open = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);
        await Cli.FailsWithAsync("MalformedPolicy", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", "[1]");
    }

    [Fact]
    public async Task Acl_public_access_block_and_versioning_read_as_AWS_shapes()
    {
        var bucket = await BucketAsync();
        var acl = await Cli.OkAsync("s3api", "get-bucket-acl", "--bucket", bucket);
        var grant = Assert.Single(acl.GetProperty("Grants").EnumerateArray());
        Assert.Equal("FULL_CONTROL", grant.GetProperty("Permission").GetString());
        Assert.Equal("CanonicalUser", grant.GetProperty("Grantee").GetProperty("Type").GetString());
        Assert.Equal(acl.GetProperty("Owner").GetProperty("ID").GetString(), grant.GetProperty("Grantee").GetProperty("ID").GetString());

        var block = await Cli.OkAsync("s3api", "get-public-access-block", "--bucket", bucket);
        Assert.True(block.GetProperty("PublicAccessBlockConfiguration").GetProperty("BlockPublicAcls").GetBoolean());
        Assert.True(block.GetProperty("PublicAccessBlockConfiguration").GetProperty("RestrictPublicBuckets").GetBoolean());

        var old = fixture.Unique("legacy");
        var legacy = fixture.Range.State.CreateBucket(old, blockPublicAccess: false);
        legacy.Grants.Add(new Shodo.Range.State.S3.S3Grant("Group", Shodo.Range.State.S3.S3Grant.AllUsers, "READ"));
        await Cli.FailsWithAsync("NoSuchPublicAccessBlockConfiguration", "s3api", "get-public-access-block", "--bucket", old);
        var publicAcl = await Cli.OkAsync("s3api", "get-bucket-acl", "--bucket", old);
        Assert.Contains(publicAcl.GetProperty("Grants").EnumerateArray(), g =>
            g.GetProperty("Grantee").TryGetProperty("URI", out var uri) && uri.GetString() == Shodo.Range.State.S3.S3Grant.AllUsers
            && g.GetProperty("Permission").GetString() == "READ");

        var versioning = await Cli.OkAsync("s3api", "get-bucket-versioning", "--bucket", bucket);
        Assert.False(versioning.TryGetProperty("Status", out _));
        legacy.Versioning = "Enabled";
        var enabled = await Cli.OkAsync("s3api", "get-bucket-versioning", "--bucket", old);
        Assert.Equal("Enabled", enabled.GetProperty("Status").GetString());
    }

    /// <summary>Every bucket has default encryption (SSE-S3 unless set otherwise); SSE-KMS names its key, or none for aws/s3.</summary>
    [Fact]
    public async Task GetBucketEncryption_answers_sse_s3_by_default_and_the_kms_key_of_an_sse_kms_bucket()
    {
        var bucket = await BucketAsync();
        var rule = (await Cli.OkAsync("s3api", "get-bucket-encryption", "--bucket", bucket))
            .GetProperty("ServerSideEncryptionConfiguration").GetProperty("Rules")[0];
        Assert.Equal("AES256", rule.GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.False(rule.GetProperty("ApplyServerSideEncryptionByDefault").TryGetProperty("KMSMasterKeyID", out _));
        Assert.False(rule.GetProperty("BucketKeyEnabled").GetBoolean());

        var key = fixture.Range.State.CreateKmsKey("us-east-1");
        var kms = fixture.Unique("sse-kms");
        fixture.Range.State.CreateBucket(kms).Encryption = new Shodo.Range.State.S3.S3Encryption("aws:kms", key.Arn, BucketKeyEnabled: true);
        var byKey = (await Cli.OkAsync("s3api", "get-bucket-encryption", "--bucket", kms))
            .GetProperty("ServerSideEncryptionConfiguration").GetProperty("Rules")[0];
        Assert.Equal("aws:kms", byKey.GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal(key.Arn, byKey.GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("KMSMasterKeyID").GetString());
        Assert.True(byKey.GetProperty("BucketKeyEnabled").GetBoolean());
        await Cli.FailsWithAsync("NoSuchBucket", "s3api", "get-bucket-encryption", "--bucket", fixture.Unique("missing"));
    }

    [Fact]
    public async Task PutPublicAccessBlock_replaces_the_settings_and_a_blocked_bucket_refuses_a_public_policy_until_unblocked()
    {
        var bucket = await BucketAsync();
        var open = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);

        // A setting left out is false, as on S3.
        await Cli.OkAsync("s3api", "put-public-access-block", "--bucket", bucket,
            "--public-access-block-configuration", "BlockPublicAcls=true");
        var block = (await Cli.OkAsync("s3api", "get-public-access-block", "--bucket", bucket)).GetProperty("PublicAccessBlockConfiguration");
        Assert.True(block.GetProperty("BlockPublicAcls").GetBoolean());
        Assert.False(block.GetProperty("IgnorePublicAcls").GetBoolean());
        Assert.False(block.GetProperty("BlockPublicPolicy").GetBoolean());
        Assert.False(block.GetProperty("RestrictPublicBuckets").GetBoolean());

        await Cli.FailsWithAsync("NoSuchBucketPolicy", "s3api", "get-bucket-policy-status", "--bucket", bucket);
        await Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);
        var status = await Cli.OkAsync("s3api", "get-bucket-policy-status", "--bucket", bucket);
        Assert.True(status.GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean());

        // Blocking public policies again refuses the next public one; a policy naming one outside account is not public.
        await Cli.OkAsync("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
            "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true");
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);
        var outside = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        await Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", outside);
        status = await Cli.OkAsync("s3api", "get-bucket-policy-status", "--bucket", bucket);
        Assert.False(status.GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean());
        await Cli.FailsWithAsync("NoSuchBucket", "s3api", "put-public-access-block", "--bucket", fixture.Unique("absent"),
            "--public-access-block-configuration", "BlockPublicAcls=true");
    }

    [Fact]
    public async Task Tagging_is_NoSuchTagSet_until_put()
    {
        var bucket = await BucketAsync();
        await Cli.FailsWithAsync("NoSuchTagSet", "s3api", "get-bucket-tagging", "--bucket", bucket);
        await Cli.OkAsync("s3api", "put-bucket-tagging", "--bucket", bucket,
            "--tagging", "TagSet=[{Key=data-classification,Value=personal},{Key=owner,Value=hr}]");
        var tags = await Cli.OkAsync("s3api", "get-bucket-tagging", "--bucket", bucket);
        Assert.Equal(["data-classification=personal", "owner=hr"], tags.GetProperty("TagSet").EnumerateArray()
            .Select(t => $"{t.GetProperty("Key").GetString()}={t.GetProperty("Value").GetString()}"));
    }

    [Fact]
    public async Task High_level_s3_cp_and_ls_work_both_ways()
    {
        var bucket = await BucketAsync();
        await Cli.OkAsync("s3", "cp", File("report.txt", "confidential"), $"s3://{bucket}/reports/report.txt");
        Assert.Equal("confidential"u8.ToArray(), fixture.Range.State.Buckets[bucket].Objects["reports/report.txt"].Body);
        var ls = await Cli.RunAsync("s3", "ls", $"s3://{bucket}/reports/");
        Assert.Equal(0, ls.ExitCode);
        Assert.Contains("report.txt", ls.Stdout);
        var back = Path.Combine(_dir, "back.txt");
        await Cli.OkAsync("s3", "cp", $"s3://{bucket}/reports/report.txt", back);
        Assert.Equal("confidential", System.IO.File.ReadAllText(back));
    }

    [Fact]
    public async Task Object_calls_are_recorded_as_data_events_and_bucket_calls_as_management_events()
    {
        var bucket = await BucketAsync();
        fixture.Range.State.PutObject(bucket, "k", "v"u8.ToArray());
        await Cli.OkAsync("s3api", "get-object", "--bucket", bucket, "--key", "k", Path.Combine(_dir, "k"));
        await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket);
        await Cli.FailsWithAsync("NoSuchTagSet", "s3api", "get-bucket-tagging", "--bucket", bucket);
        var calls = fixture.Range.State.Calls.Where(c => c.RequestParameters?["bucketName"]?.GetValue<string>() == bucket).ToList();
        Assert.Equal("Data", calls.Single(c => c.EventName == "GetObject").EventCategory);
        Assert.Equal("Data", calls.Single(c => c.EventName == "ListObjects").EventCategory);
        var tagging = calls.Single(c => c.EventName == "GetBucketTagging");
        Assert.Equal("Management", tagging.EventCategory);
        Assert.Equal("NoSuchTagSet", tagging.ErrorCode);
        Assert.Equal("k", calls.Single(c => c.EventName == "GetObject").RequestParameters!["key"]!.GetValue<string>());
    }
}
