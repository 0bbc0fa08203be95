using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.S3;
using Shodo.Tests.Aws;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// The account's Block Public Access (S3 Control), collected through Shodo's own S3 Control client against the range (the host
/// <c>ACCOUNT.127.0.0.1</c> dialled at the range) and weighed in who could read: S3 applies it to every bucket with the bucket's
/// own, so a bucket whose public ACL or public policy the bucket's settings leave open is not readable by everyone when the
/// account's IgnorePublicAcls / RestrictPublicBuckets blocks it — and the verdict says which setting decided it, in English and
/// Japanese. Refused, the account's setting is a named coverage gap and what it would decide is unknown, never "no".
/// </summary>
public sealed class AccountPublicAccessBlockReachTests : IAsyncLifetime
{
    private const string AclOpen = "acl-open-listing", PolicyOpen = "policy-open-site";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "account-bpa-" + Guid.NewGuid().ToString("N"));
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        var state = _range.State;
        // Old buckets that block nothing themselves: a public ACL (everyone may list) and a public policy (everyone may read).
        state.CreateBucket(AclOpen, "us-east-1", blockPublicAccess: false).Grants.Add(new S3Grant("Group", S3Grant.AllUsers, "READ"));
        state.CreateBucket(PolicyOpen, "us-east-1", blockPublicAccess: false).Policy =
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{PolicyOpen}}/*"}]}""";
        // The attacker's user: no policy of its own, so only what is open to everyone lets it in.
        lock (state.Sync) state.AddUser("nobody");
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(AccountSnapshot State, CollectionResult Collection)> CollectAsync()
    {
        using var @case = Case.Open(Path.Combine(_root, Guid.NewGuid().ToString("N")), new CaseOptions { Title = "account bpa" });
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var collectors = CollectorCatalog.All.Where(c => c.Name is "iam.authorization-details" or "s3.buckets").ToList();
        var result = await new CollectionRunner(aws, @case, new CollectionOptions { Collectors = collectors, Regions = ["us-east-1"] }).RunAsync();
        return (await AccountSnapshot.BuildAsync(@case, CancellationToken.None), result);
    }

    private static ReadReach Reach(AccountSnapshot state, string bucket) =>
        new ReadAccess(state, new ChainResult([Nobody], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>())), [])
            .S3(bucket);

    private static readonly AttackerIdentity Nobody = new()
    {
        Id = "user:nobody", Kind = IdentityKind.User, Name = "nobody", Confidence = Confidence.Confirmed, Reason = "test",
    };

    [Fact]
    public async Task With_no_account_setting_a_public_acl_and_a_public_policy_let_everyone_read()
    {
        var (state, collection) = await CollectAsync();
        Assert.Equal(new AccountPublicAccessBlockFact(false, false, false, false, false, state.AccountPublicAccessBlock!.Evidence), state.AccountPublicAccessBlock);
        Assert.DoesNotContain(collection.Gaps, g => g.Service == "s3control");

        var acl = Reach(state, AclOpen);
        Assert.True(acl.Reachable);
        Assert.Equal([$"ACL of {AclOpen}: READ for AllUsers (lists its objects)"], acl.Through);
        Assert.Empty(acl.Blocked);
        Assert.Contains($"bucket policy of {PolicyOpen}: everyone", Reach(state, PolicyOpen).Through);
    }

    [Fact]
    public async Task The_accounts_IgnorePublicAcls_and_RestrictPublicBuckets_shut_what_the_buckets_own_settings_leave_open_and_say_so()
    {
        lock (_range.State.Sync)
            _range.State.AccountPublicAccessBlock = new S3PublicAccessBlock(BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true);
        var (state, _) = await CollectAsync();
        Assert.Equal((true, true, true), (state.AccountPublicAccessBlock!.Configured, state.AccountPublicAccessBlock.IgnorePublicAcls,
            state.AccountPublicAccessBlock.RestrictPublicBuckets));

        var acl = Reach(state, AclOpen);
        Assert.False(acl.Reachable);
        Assert.Empty(acl.Through);
        Assert.Empty(acl.Unknown);
        var why = Assert.Single(acl.Blocked);
        Assert.Contains("the account's Block Public Access setting IgnorePublicAcls", why["en"], StringComparison.Ordinal);
        Assert.Contains(AclOpen, why["en"], StringComparison.Ordinal);
        Assert.Contains("アカウントのブロックパブリックアクセス設定 IgnorePublicAcls", why["ja"], StringComparison.Ordinal);

        var policy = Reach(state, PolicyOpen);
        // RestrictPublicBuckets keeps the account's own principals in: the attacker's user in the account is still let in.
        Assert.Equal([$"bucket policy of {PolicyOpen}, for user nobody or everyone"], policy.Through);
        Assert.Contains(policy.Blocked, b => b["en"].Contains("the account's Block Public Access setting RestrictPublicBuckets", StringComparison.Ordinal)
                                             && b["ja"].Contains("RestrictPublicBuckets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_responder_refused_the_account_setting_has_a_named_gap_and_a_public_acl_is_unknown_not_no()
    {
        lock (_range.State.Sync)
        {
            _range.State.AccountPublicAccessBlock = new S3PublicAccessBlock(false, IgnorePublicAcls: true, false, false);
            _range.State.Iam.User(RangeHost.ResponderUserName)!.InlinePolicies["no-account-bpa"] =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetAccountPublicAccessBlock","Resource":"*"}]}""";
        }
        var (state, collection) = await CollectAsync();

        var gap = Assert.Single(collection.Gaps, g => g.Service == "s3control");
        Assert.Equal(("s3.buckets", "GetPublicAccessBlock", GapKinds.AccessDenied, "AccessDenied", 403),
            (gap.Collector, gap.Operation, gap.Kind, gap.Code, gap.HttpStatus));
        Assert.Null(state.AccountPublicAccessBlock);
        // The buckets themselves were read: only the account's setting is missing.
        Assert.Contains(state.BucketAcls, a => a.Bucket == AclOpen);

        var acl = Reach(state, AclOpen);
        Assert.Null(acl.Reachable);
        Assert.Equal(["the account's Block Public Access settings (S3 Control) not read"], acl.Unknown.Select(u => u.English));
        Assert.Equal("アカウントのブロックパブリックアクセス設定（S3 Control）を読めませんでした", acl.Unknown[0].Texts["ja"]);
    }
}
