using System.Text.Json;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Iam;
using Shodo.Trail.Records;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// An EBS volume the attacker's calls named is readable by its principal only with EC2's rights on it and, encrypted, the use
/// of its KMS key: from the key policy, or from the principal's IAM policies only when the key policy delegates to the
/// account. The range is seeded once; IAM, volumes and keys collected once.
/// </summary>
public sealed class EbsVolumeExposureTests(EbsVolumeExposureTests.Account account) : IClassFixture<EbsVolumeExposureTests.Account>
{
    public const string Region = "us-east-1", Plain = "vol-0000000000000b001", Delegated = "vol-0000000000000b002",
        Undelegated = "vol-0000000000000b003", Missing = "vol-0000000000000bfff";

    public sealed class Account : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "ebs-volume-" + Guid.NewGuid().ToString("N"));
        public RangeHost Range { get; private set; } = null!;
        public AccountSnapshot State { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
            var state = Range.State;
            var delegatedKey = state.CreateKmsKey(Region);
            // Names one administrator role, never the account; it lets the responder read it (without that KMS refuses its reads).
            var undelegatedKey = state.CreateKmsKey(Region, $$"""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{state.AccountId}}:role/key-admin"},"Action":"kms:*","Resource":"*"},
                {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{state.AccountId}}:user/{{RangeHost.ResponderUserName}}"},"Action":["kms:Describe*","kms:Get*","kms:List*"],"Resource":"*"}]}
                """);
            lock (state.Sync)
            {
                Volume Disk(string id, string? key) => new()
                {
                    VolumeId = id, Size = 100, AvailabilityZone = Region + "a", CreateTime = state.Clock.Now, Encrypted = key is not null, KmsKeyId = key,
                };
                state.Ec2(Region).Volumes.AddRange([Disk(Plain, null), Disk(Delegated, delegatedKey.Arn), Disk(Undelegated, undelegatedKey.Arn)]);
                state.AddUser("admin").AttachedPolicyArns.Add(AwsManagedPolicies.AdministratorAccessArn);
                state.AddUser("snapshotter").InlinePolicies["snapshots"] =
                    """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:CreateSnapshot","ec2:Describe*"],"Resource":"*"}]}""";
            }
            State = await CollectAsync();
        }

        private async Task<AccountSnapshot> CollectAsync()
        {
            using var @case = Shodo.Cases.Case.Open(_root, new Shodo.Cases.CaseOptions { Title = "ebs volumes" });
            using var aws = await Shodo.Aws.Connection.AwsConnection.OpenAsync(new Shodo.Aws.Connection.AwsConnectionOptions
            {
                Credentials = new Amazon.Runtime.BasicAWSCredentials(Range.Responder.AccessKeyId, Range.Responder.SecretAccessKey),
                Region = Region, EndpointUrl = Range.Url, Retry = Shodo.Tests.Aws.TestConnections.QuickRetry,
                RefusalSink = new Shodo.Aws.Safety.JournalRefusalSink(@case.Journal),
            });
            var collectors = Shodo.Evidence.CollectorCatalog.All
                .Where(c => c.Name is "iam.authorization-details" or "iam.users" or "ec2.volumes" or "kms.keys").ToList();
            await new Shodo.Evidence.CollectionRunner(aws, @case, new Shodo.Evidence.CollectionOptions { Collectors = collectors, Regions = [Region] }).RunAsync();
            return await AccountSnapshot.BuildAsync(@case, CancellationToken.None);
        }

        public async Task DisposeAsync()
        {
            await Range.DisposeAsync();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The volume's row when <paramref name="user"/> is the attacker and snapshotted it.</summary>
    private DataExposure Snapshotted(string volume, string user)
    {
        var call = new TrailRecord
        {
            EventId = "e-" + volume, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z"), EventSource = "ec2.amazonaws.com",
            EventName = "CreateSnapshot", Region = Region, AccessKeyId = "AKIAEXAMPLELEAKED0001", AccountId = account.Range.State.AccountId,
            Source = "lookup:" + Region,
            Raw = JsonDocument.Parse($$$"""{"eventID":"e-{{{volume}}}","requestParameters":{"volumeId":"{{{volume}}}"}}""").RootElement,
        };
        var attacker = new AttackerIdentity { Id = $"user:{user}", Kind = IdentityKind.User, Name = user, Confidence = Confidence.Confirmed, Reason = "test" };
        var chain = new ChainResult([attacker], [call], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var all = new DataExposureAssessor(account.State, chain, new SourceReach(new HashSet<string>(), null)).Assess();
        return Assert.Single(all, e => e.Kind == "ebs-volume");
    }

    [Fact]
    public void An_unencrypted_volume_the_attacker_snapshotted_is_readable_through_its_ec2_rights()
    {
        var e = Snapshotted(Plain, "admin");
        Assert.True(e.Reachable);
        Assert.Equal(AccessVerdict.Accessed, e.Accessed);
        Assert.Equal(["e-" + Plain], e.EventIds);
        Assert.Contains(e.ReachableThrough, t => t.Contains("user admin: attached", StringComparison.Ordinal) && t.Contains("unencrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void An_encrypted_volume_needs_the_use_of_its_key_which_iam_policies_give_only_when_the_key_policy_delegates_to_the_account()
    {
        var delegated = Snapshotted(Delegated, "admin");
        Assert.True(delegated.Reachable);
        Assert.Contains(delegated.ReachableThrough, t => t.Contains("kms:CreateGrant on KMS key", StringComparison.Ordinal));

        // AdministratorAccess, but the key policy names only a key-admin role: the disk's data stays sealed to this user.
        var undelegated = Snapshotted(Undelegated, "admin");
        Assert.False(undelegated.Reachable);
        Assert.Empty(undelegated.ReachUnknown);

        // EC2's rights without any on KMS: a snapshot can be made, its data not read.
        Assert.False(Snapshotted(Delegated, "snapshotter").Reachable);
        Assert.True(Snapshotted(Plain, "snapshotter").Reachable);
    }

    [Fact]
    public void A_volume_not_collected_is_unknown_and_named_in_english_and_japanese()
    {
        var e = Snapshotted(Missing, "admin");
        Assert.Null(e.Reachable);
        Assert.Equal([$"EBS volume {Missing} not read (whether it is encrypted, and with which key)"], e.ReachUnknown);
        Assert.Equal($"EBS ボリューム {Missing} を読めませんでした（暗号化の有無と KMS キーが不明）", Assert.Single(e.ReachUnknownTexts)["ja"]);
    }
}
