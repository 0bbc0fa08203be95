using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Range;
using Shodo.Range.State.Iam;
using Shodo.Tests.Aws;
using Xunit.Abstractions;

namespace Shodo.Tests.Evidence;

/// <summary><c>shodo collect</c>'s engine against the range: what is stored, where, and what is reported missing.</summary>
public sealed class CollectionRunnerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private Task<AwsConnection> Connect(string accessKeyId, string secret, IRefusalSink sink) =>
        AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(accessKeyId, secret),
            Region = "us-east-1",
            EndpointUrl = _range.Url,
            Retry = TestConnections.QuickRetry,
            RefusalSink = sink,
        });

    private async Task<(CollectionResult Result, string CaseDir)> CollectAs(string accessKeyId, string secret)
    {
        using var @case = Case.Open(_root, new CaseOptions { Title = "collect test" });
        using var aws = await Connect(accessKeyId, secret, new JournalRefusalSink(@case.Journal));
        var result = await new CollectionRunner(aws, @case).RunAsync();
        return (result, @case.Directory);
    }

    private static List<JsonObject> Index(string caseDir) =>
        File.ReadAllLines(Path.Combine(caseDir, CaseFileNames.EvidenceIndex)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private static bool Is(JsonObject e, string service, string operation, string? region) =>
        (string?)e["service"] == service && (string?)e["operation"] == operation && (string?)e["region"] == region;

    [Fact]
    public async Task An_instance_tagged_with_esc_and_bel_is_collected_with_its_tag_and_its_region_loses_nothing()
    {
        const string hostile = "\u001b[31mpwned\u0007\r\n";
        string tagged, plain;
        lock (_range.State.Sync)
        {
            var spec = new Shodo.Range.State.Ec2.LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "c5.24xlarge" };
            tagged = _range.State.Ec2("us-east-1").Launch(spec with { InstanceTags = [new("Note", hostile)] }, 1, _range.State.Clock.Now).Single().InstanceId;
            plain = _range.State.Ec2("us-east-1").Launch(spec, 1, _range.State.Clock.Now).Single().InstanceId;
        }
        using var @case = Case.Open(_root, new CaseOptions { Title = "control characters" });
        using var aws = await Connect(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey, new JournalRefusalSink(@case.Journal));

        var result = await new CollectionRunner(aws, @case).RunAsync();

        Assert.DoesNotContain(result.Gaps, g => g.Region == "us-east-1" && g.Service == "ec2");
        var evidence = Shodo.Evidence.Snapshot.StoredAnswers.Load(@case);
        var state = await Shodo.Evidence.Snapshot.AccountSnapshot.BuildAsync(evidence, CancellationToken.None);
        Assert.Contains(state.Instances, i => i.InstanceId == tagged);
        Assert.Contains(state.Instances, i => i.InstanceId == plain);
        Assert.Empty(state.Gaps);
        var page = (await evidence.XmlAsync("ec2", "DescribeInstances", CancellationToken.None)).Single(a => a.Record.Region == "us-east-1");
        var note = page.Body.Descendants("item").Single(i => i.Element("key")?.Value == "Note");
        Assert.Equal(hostile, note.Element("value")!.Value);
        // The SDK's reader (containment's before-state) reads it whole too.
        var described = await aws.Ec2("us-east-1").DescribeInstancesAsync(new Amazon.EC2.Model.DescribeInstancesRequest { InstanceIds = [tagged] });
        Assert.Equal(hostile, described.Reservations.Single().Instances.Single().Tags.Single(t => t.Key == "Note").Value);
    }

    [Fact]
    public async Task Seeded_account_is_captured_page_by_page_in_every_enabled_region_and_the_case_verifies()
    {
        var seed = SeededRange.Apply(_range);
        var (result, caseDir) = await CollectAs(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey);

        output.WriteLine($"collected {result.Blobs} answers from {result.Regions.Count} regions in {result.Duration.TotalSeconds:0.00} s");
        Assert.True(CaseVerifier.Verify(caseDir).Intact);
        var index = Index(caseDir);
        Assert.Equal(result.Blobs, index.Count);
        var enabled = _range.State.Regions.Enabled.Select(r => r.Name).ToList();
        Assert.Equal(enabled, result.Regions);

        // Global IAM evidence has no region; every enabled region has its own EC2, RDS and CloudTrail answers.
        Assert.Contains(index, e => Is(e, "iam", "GetAccountAuthorizationDetails", null) && (int?)e["page"] == 1);
        Assert.Contains(index, e => Is(e, "iam", "GetCredentialReport", null));
        foreach (var region in enabled)
            foreach (var (service, operation) in new[]
                     {
                         ("ec2", "DescribeInstances"), ("ec2", "DescribeSpotInstanceRequests"), ("ec2", "DescribeVolumes"),
                         ("ec2", "DescribeSnapshots"), ("ec2", "DescribeSecurityGroups"), ("ec2", "DescribeKeyPairs"),
                         ("ec2", "DescribeLaunchTemplates"), ("rds", "DescribeDBInstances"), ("rds", "DescribeDBSnapshots"),
                         ("cloudtrail", "DescribeTrails"),
                         ("rds", "DescribeDBClusters"), ("rds", "DescribeDBClusterSnapshots"),
                     })
                Assert.True(index.Count(e => Is(e, service, operation, region)) == 1, $"{service}:{operation} in {region}");

        // No call per instance: the attributes containment needs are read per target when it is planned.
        Assert.DoesNotContain(index, e => (string?)e["operation"] == "DescribeInstanceAttribute");
        Assert.True(seed.InstancesEast.Count + seed.InstancesTokyo.Count >= 3);

        // Per user: keys with last use, login profile, MFA. The credential report of this collection (stored) says for every
        // user whether there is a password or MFA and each key's last use: a user it shows with none is not asked again, and a
        // key it names (same creation second) needs no GetAccessKeyLastUsed (backup-svc's two keys may share their second).
        // Groups, inline and attached policies of every user are in GetAccountAuthorizationDetails: a few pages, not four calls per user.
        foreach (var user in new[] { "alice", "backup-svc", "responder" })
            Assert.Contains(index, e => Is(e, "iam", "ListAccessKeys", null) && (string?)e["parameters"]!["UserName"] == user);
        string[] withPassword, withMfa, backupKeys;
        lock (_range.State.Sync)
        {
            withPassword = [.. _range.State.Iam.Users.Values.Where(u => u.LoginProfile is not null).Select(u => u.UserName)];
            withMfa = [.. _range.State.Iam.Users.Values.Where(u => u.MfaDevices.Count > 0).Select(u => u.UserName)];
            backupKeys = [.. _range.State.Iam.KeysOf("backup-svc").Select(k => k.AccessKeyId)];
        }
        Assert.Equal(["alice"], withPassword);
        Assert.Equal(["alice"], withMfa);
        Assert.Equal(withPassword, index.Where(e => Is(e, "iam", "GetLoginProfile", null)).Select(e => (string?)e["parameters"]!["UserName"]));
        Assert.Equal(withMfa, index.Where(e => Is(e, "iam", "ListMFADevices", null)).Select(e => (string?)e["parameters"]!["UserName"]));
        Assert.All(index.Where(e => Is(e, "iam", "GetAccessKeyLastUsed", null)),
            e => Assert.Contains((string?)e["parameters"]!["AccessKeyId"], backupKeys));
        Assert.DoesNotContain(index, e => (string?)e["operation"] is "ListGroupsForUser" or "ListUserPolicies" or "GetUserPolicy" or "ListAttachedUserPolicies");
        using (var stored = Case.Load(caseDir))
        {
            var state = await Shodo.Evidence.Snapshot.AccountSnapshot.BuildAsync(stored, CancellationToken.None);
            Assert.Contains(state.InlinePolicies, p => p.PolicyName == "s3-read" && p.Document.Contains("s3:GetObject", StringComparison.Ordinal));
            lock (_range.State.Sync)
                foreach (var u in _range.State.Iam.Users.Values)
                    foreach (var arn in u.AttachedPolicyArns)
                        Assert.Contains(state.Attachments, a => a.UserName == u.UserName && a.PolicyArn == arn);
        }

        // S3 per bucket in the bucket's own region; absent policy/tags are stored answers, not gaps.
        foreach (var op in new[] { "GetBucketPolicy", "GetBucketAcl", "GetPublicAccessBlock", "GetBucketVersioning", "GetBucketTagging", "GetBucketEncryption" })
        {
            var s3 = string.Join("\n", index.Where(e => (string?)e["service"] == "s3").Select(e => e.ToJsonString()))
                     + string.Join("\n", result.Gaps.Select(g => g.ToJson().ToJsonString()));
            Assert.True(index.Any(e => Is(e, "s3", op, "us-east-1") && (string?)e["parameters"]!["Bucket"] == SeededRange.PersonalDataBucket), s3);
            Assert.True(index.Any(e => Is(e, "s3", op, "eu-west-1") && (string?)e["parameters"]!["Bucket"] == SeededRange.LogBucket), s3);
        }
        var tags = index.Single(e => Is(e, "s3", "GetBucketTagging", "us-east-1"));
        using (var @case = Case.Load(caseDir))
            Assert.Contains("personal", Encoding.UTF8.GetString(await @case.Evidence.ReadAsync((string)tags["sha256"]!)));

        Assert.Contains(index, e => Is(e, "rds", "DescribeDBSnapshotAttributes", "us-east-1")
                                    && (string?)e["parameters"]!["DBSnapshotIdentifier"] == "orders-db-manual");
        Assert.Contains(index, e => Is(e, "cloudtrail", "GetTrailStatus", "us-east-1"));
        Assert.Contains(index, e => Is(e, "cloudtrail", "GetEventSelectors", "us-east-1"));

        // Who already carries an AWS quarantine policy is evidence too, one answer per policy version.
        Assert.Equal(3, index.Count(e => Is(e, "iam", "ListEntitiesForPolicy", null)));
        Assert.True(result.Complete, string.Join("\n", result.Gaps.Select(g => g.ToJson().ToJsonString())));
        Assert.Empty(result.Gaps);
        var coverage = CoverageFile.Read(CaseFolder.At(caseDir))!;
        Assert.Empty(coverage.Gaps!);
        Assert.True(coverage.Complete);

        var journal = File.ReadAllLines(Path.Combine(caseDir, CaseFileNames.Journal));
        Assert.Single(journal, l => l.Contains("\"kind\":\"collect.started\""));
        Assert.DoesNotContain(journal, l => l.Contains("\"kind\":\"collect.gap\""));
        var finished = JsonNode.Parse(journal.Single(l => l.Contains("\"kind\":\"collect.finished\"")))!["data"]!;
        Assert.Equal(index.Count, (int)finished["evidenceStored"]!);
        Assert.Equal(ContentHash.Sha256(File.ReadAllBytes(Path.Combine(caseDir, CoverageFile.Name))), (string)finished["coverage"]!["sha256"]!);

        AssertNoSecretIn(caseDir, SeededRange.Secrets(_range));
    }

    [Fact]
    public async Task Denied_calls_are_listed_in_coverage_as_AccessDenied_and_the_rest_is_still_collected()
    {
        SeededRange.Apply(_range);
        AccessKey key;
        lock (_range.State.Sync)
        {
            var limited = _range.State.AddUser("limited-responder");
            limited.AttachedPolicyArns.Add(AwsManagedPolicies.ReadOnlyAccessArn);
            limited.InlinePolicies["no-rds"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"rds:Describe*","Resource":"*"}]}""";
            key = _range.State.AddAccessKey("limited-responder");
        }

        var (result, caseDir) = await CollectAs(key.AccessKeyId, key.SecretAccessKey);

        output.WriteLine($"collected {result.Blobs} answers, {result.Gaps.Count} gaps in {result.Duration.TotalSeconds:0.00} s: " +
                         string.Join(", ", result.Gaps.GroupBy(g => g.Operation).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.True(CaseVerifier.Verify(caseDir).Intact);
        var denied = result.Gaps.Where(g => g.Kind == GapKinds.AccessDenied).ToList();
        Assert.All(denied, g => Assert.Equal("rds", g.Service));
        foreach (var region in result.Regions)
        {
            Assert.Contains(denied, g => g.Operation == "DescribeDBInstances" && g.Region == region);
            Assert.Contains(denied, g => g.Operation == "DescribeDBSnapshots" && g.Region == region);
            Assert.Contains(denied, g => g.Operation == "DescribeDBClusters" && g.Region == region);
            Assert.Contains(denied, g => g.Operation == "DescribeDBClusterSnapshots" && g.Region == region);
        }
        Assert.Equal(4 * result.Regions.Count, denied.Count);
        Assert.DoesNotContain(Index(caseDir), e => (string?)e["service"] == "rds");
        Assert.Contains(Index(caseDir), e => Is(e, "ec2", "DescribeInstances", "ap-northeast-1"));

        var gaps = CoverageFile.Read(CaseFolder.At(caseDir))!.Gaps!;
        Assert.Equal(result.Gaps.Count, gaps.Count);
        Assert.Equal(denied.Count, gaps.Count(g => g.Kind == "AccessDenied" && g.Code == "AccessDenied"));
        AssertNoSecretIn(caseDir, SeededRange.Secrets(_range));
    }

    [Fact]
    public async Task A_region_that_cannot_be_reached_is_a_gap_and_does_not_hold_up_the_others()
    {
        SeededRange.Apply(_range);
        using var @case = Case.Open(_root);
        using var aws = await Connect(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey, new JournalRefusalSink(@case.Journal));
        // Like AWS, the range answers AuthFailure for a region the account has not enabled.
        var result = await new CollectionRunner(aws, @case, new CollectionOptions
        {
            Regions = ["us-east-1", "af-south-1"],
            Collectors = [new Shodo.Evidence.Collectors.Ec2.Ec2InstancesCollector()],
        }).RunAsync();

        var gap = Assert.Single(result.Gaps);
        Assert.Equal(("af-south-1", "DescribeInstances"), (gap.Region, gap.Operation));
        Assert.Equal((GapKinds.RegionNotEnabled, "AuthFailure"), (gap.Kind, gap.Code));
        Assert.Contains(Index(@case.Directory), e => Is(e, "ec2", "DescribeInstances", "us-east-1"));
    }

    private static void AssertNoSecretIn(string caseDir, IReadOnlyList<string> secrets)
    {
        Assert.NotEmpty(secrets);
        foreach (var file in Directory.EnumerateFiles(caseDir, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if (file.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gz.CopyTo(plain);
                bytes = plain.ToArray();
            }
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var secret in secrets)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} holds a secret from the range");
        }
    }
}
