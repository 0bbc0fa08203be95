using System.Text.Json.Nodes;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// An EBS snapshot the attacker shared out is readable there only if it is unencrypted or the outside account may use its KMS
/// key — by a grant, or by the key policy (a statement for everyone held to its kms:CallerAccount) — and "unknown", naming
/// what, when the key's policy could not be read. The range is seeded once; EC2 snapshots and KMS keys collected once.
/// </summary>
public sealed class EbsSnapshotExposureTests(EbsSnapshotExposureTests.Account account) : IClassFixture<EbsSnapshotExposureTests.Account>
{
    public const string Outside = "444455556666", Region = "us-east-1";
    public const string Plain = "snap-0000000000000a001", Granted = "snap-0000000000000a002", ByPolicy = "snap-0000000000000a003",
        Closed = "snap-0000000000000a004", Sealed = "snap-0000000000000a005", FromAddress = "snap-0000000000000a006",
        CrmGranted = "crm-granted-manual", CrmClosed = "crm-closed-manual", CrmPlain = "crm-plain-manual",
        AuroraGranted = "aurora-granted-export", AuroraClosed = "aurora-closed-export";

    public sealed class Account : IAsyncLifetime
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", "ebs-exposure-" + Guid.NewGuid().ToString("N"));
        public RangeHost Range { get; private set; } = null!;
        public AccountSnapshot State { get; private set; } = null!;
        public string SealedKeyId { get; private set; } = "";
        public string FromAddressKeyId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
            var state = Range.State;
            var id = state.AccountId;
            string Root(string account) => $"arn:aws:iam::{account}:root";
            string Statement(string principal, string action, string? condition = null) =>
                $$"""{"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"*"{{(condition is null ? "" : "," + condition)}}}""";
            var admin = Statement($$"""{"AWS":"{{Root(id)}}"}""", "kms:*");
            var granted = state.CreateKmsKey(Region);
            state.CreateKmsGrant(granted, Root(Outside), ["Decrypt", "DescribeKey"]);
            var toOutside = Statement($$"""{"AWS":"{{Root(Outside)}}"}""", "kms:CreateGrant");
            var byPolicy = state.CreateKmsKey(Region, $$"""{"Version":"2012-10-17","Statement":[{{admin}},{{toOutside}}]}""");
            // As AWS's EBS keys say: everyone, but only calls from this account.
            var callers = $$$"""
                "Condition":{"StringEquals":{"kms:CallerAccount":"{{{id}}}","kms:ViaService":"ec2.us-east-1.amazonaws.com"}}
                """;
            var inAccount = Statement("\"*\"", "kms:Decrypt", callers);
            var closed = state.CreateKmsKey(Region, $$"""{"Version":"2012-10-17","Statement":[{{admin}},{{inAccount}}]}""");
            // Everyone may decrypt — from one address range only: whether the outside account calls from it is not known.
            var fromAddress = Statement("\"*\"", "kms:Decrypt", "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}");
            var addressKey = state.CreateKmsKey(Region, $$"""{"Version":"2012-10-17","Statement":[{{admin}},{{fromAddress}}]}""");
            FromAddressKeyId = addressKey.KeyId;
            var sealedKey = state.CreateKmsKey(Region);
            SealedKeyId = sealedKey.KeyId;
            foreach (var (snapshot, key) in new[] { (CrmGranted, granted.Arn), (CrmClosed, closed.Arn), (CrmPlain, (string?)null) })
            {
                state.CreateDbInstance(Region, snapshot + "-db", kmsKeyId: key);
                state.CreateDbSnapshot(Region, snapshot, snapshot + "-db").RestoreAccounts.Add(Outside);
            }
            // Aurora: a cluster snapshot is encrypted with its cluster's key, and shared the same way.
            foreach (var (snapshot, key) in new[] { (AuroraGranted, granted.Arn), (AuroraClosed, closed.Arn) })
            {
                state.CreateDbCluster(Region, snapshot + "-cluster", kmsKeyId: key);
                state.CreateDbClusterSnapshot(Region, snapshot, snapshot + "-cluster").RestoreAccounts.Add(Outside);
            }
            lock (state.Sync)
            {
                var ec2 = state.Ec2(Region);
                Snapshot Snap(string snapshotId, string? key) => new()
                {
                    SnapshotId = snapshotId, VolumeId = "vol-0000000000000a000", VolumeSize = 8, StartTime = state.Clock.Now, OwnerId = id,
                    CompletesAt = state.Clock.Now, Encrypted = key is not null, KmsKeyId = key,
                };
                ec2.Snapshots.AddRange([Snap(Plain, null), Snap(Granted, granted.Arn), Snap(ByPolicy, byPolicy.Arn), Snap(Closed, closed.Arn),
                    Snap(Sealed, sealedKey.Arn), Snap(FromAddress, addressKey.Arn)]);
                // The responder may not read one key's policy: whether it lets the outside account in is unknown.
                state.Iam.User(RangeHost.ResponderUserName)!.InlinePolicies["no-key-policy"] =
                    $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"kms:GetKeyPolicy","Resource":"{{sealedKey.Arn}}"}]}""";
            }
            State = await CollectAsync(_root, Range);
        }

        public async Task DisposeAsync()
        {
            await Range.DisposeAsync();
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<AccountSnapshot> CollectAsync(string root, RangeHost range)
    {
        using var @case = Shodo.Cases.Case.Open(root, new Shodo.Cases.CaseOptions { Title = "ebs exposure" });
        using var aws = await Shodo.Aws.Connection.AwsConnection.OpenAsync(new Shodo.Aws.Connection.AwsConnectionOptions
        {
            Credentials = new Amazon.Runtime.BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            Region = Region, EndpointUrl = range.Url, Retry = Shodo.Tests.Aws.TestConnections.QuickRetry,
            RefusalSink = new Shodo.Aws.Safety.JournalRefusalSink(@case.Journal),
        });
        var collectors = Shodo.Evidence.CollectorCatalog.All.Where(c => c.Name is "ec2.snapshots" or "kms.keys" or "rds.snapshots" or "rds.cluster-snapshots").ToList();
        await new Shodo.Evidence.CollectionRunner(aws, @case, new Shodo.Evidence.CollectionOptions { Collectors = collectors, Regions = [Region] }).RunAsync();
        return await AccountSnapshot.BuildAsync(@case, CancellationToken.None);
    }

    private DataExposure Exposure(string snapshot)
    {
        var shared = new AttackerResource
        {
            Id = $"{ResourceTypes.SharedEbsSnapshot}:{snapshot}", Type = ResourceTypes.SharedEbsSnapshot, Region = Region, ResourceId = snapshot,
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray(Outside) }, EventIds = ["e-" + snapshot],
        };
        var chain = new ChainResult([], [], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var all = new DataExposureAssessor(account.State, chain, new SourceReach(new HashSet<string>(), null), [shared]).Assess();
        return Assert.Single(all, e => e.Kind == "ebs-snapshot");
    }

    [Fact]
    public void An_unencrypted_snapshot_shared_out_is_readable_there()
    {
        var e = Exposure(Plain);
        Assert.True(e.Reachable);
        Assert.Equal([Outside], e.SharedWith);
        Assert.Equal(AccessVerdict.Accessed, e.Accessed);
        Assert.Equal(["e-" + Plain], e.EventIds);
    }

    [Fact]
    public void An_encrypted_snapshot_is_readable_there_through_a_grant_or_the_key_policy_for_the_outside_account()
    {
        var granted = Exposure(Granted);
        Assert.True(granted.Reachable);
        Assert.Contains(granted.ReachableThrough, t => t.StartsWith("grant ", StringComparison.Ordinal) && t.Contains(Outside, StringComparison.Ordinal));

        var byPolicy = Exposure(ByPolicy);
        Assert.True(byPolicy.Reachable);
        Assert.Contains(byPolicy.ReachableThrough, t => t.StartsWith("key policy of KMS key", StringComparison.Ordinal) && t.EndsWith(Outside, StringComparison.Ordinal));
    }

    [Fact]
    public void An_encrypted_snapshot_whose_key_the_outside_account_may_not_use_is_not_readable_there_a_statement_held_to_the_callers_account_included()
    {
        var closed = Exposure(Closed);
        Assert.False(closed.Reachable);
        Assert.Empty(closed.ReachUnknown);
    }

    [Fact]
    public void An_encrypted_snapshot_whose_key_policy_could_not_be_read_is_unknown_and_names_the_key()
    {
        var e = Exposure(Sealed);
        Assert.Null(e.Reachable);
        Assert.Equal([$"the key policy of KMS key {account.SealedKeyId} not read"], e.ReachUnknown);
        Assert.Equal($"KMS キー {account.SealedKeyId} のキーポリシーを読めませんでした", Assert.Single(e.ReachUnknownTexts)["ja"]);
    }

    [Fact]
    public void A_snapshot_not_collected_is_unknown_never_no()
    {
        var shared = new AttackerResource
        {
            Id = "x", Type = ResourceTypes.SharedEbsSnapshot, Region = Region, ResourceId = "snap-0000000000000ffff",
            Attributes = new JsonObject { ["sharedWith"] = new JsonArray(Outside) },
        };
        var e = Assert.Single(new EbsSnapshotExposure(account.State, [shared]).Assess());
        Assert.Null(e.Reachable);
        Assert.Contains(e.ReachUnknown, u => u.Contains("snap-0000000000000ffff", StringComparison.Ordinal));
    }

    /// <summary>The DB snapshot as the investigation sees it once the attacker's ModifyDBSnapshotAttribute shared it out.</summary>
    private DataExposure SharedDb(string snapshot, bool cluster = false)
    {
        var shared = new Shodo.Trail.Records.TrailRecord
        {
            EventId = "e-" + snapshot, EventTime = DateTimeOffset.Parse("2026-11-28T10:00:00Z"), EventSource = "rds.amazonaws.com",
            EventName = cluster ? "ModifyDBClusterSnapshotAttribute" : "ModifyDBSnapshotAttribute", Region = Region, AccessKeyId = "AKIAEXAMPLELEAKED0001", AccountId = "111122223333",
            Source = "lookup:" + Region,
            Raw = System.Text.Json.JsonDocument.Parse($$$"""
                {"eventID":"e-{{{snapshot}}}","requestParameters":{"{{{(cluster ? "dBClusterSnapshotIdentifier" : "dBSnapshotIdentifier")}}}":"{{{snapshot}}}","attributeName":"restore","valuesToAdd":["{{{Outside}}}"]}}
                """).RootElement,
        };
        var chain = new ChainResult([], [shared], [], [], null, new OwnerBaseline(null, new HashSet<string>(), new HashSet<string>()));
        var all = new DataExposureAssessor(account.State, chain, new SourceReach(new HashSet<string>(), null)).Assess();
        return Assert.Single(all, e => e.Kind == (cluster ? "rds-cluster-snapshot" : "rds-snapshot") && e.Name == snapshot);
    }

    [Fact]
    public void A_db_snapshot_the_attacker_shared_is_restorable_there_only_with_the_use_of_its_kms_key()
    {
        var granted = SharedDb(CrmGranted);
        Assert.True(granted.Reachable);
        Assert.Contains(granted.ReachableThrough, t => t.StartsWith("grant ", StringComparison.Ordinal) && t.Contains(Outside, StringComparison.Ordinal));

        // Shared, but encrypted with a key only the account's own callers may use: the copy cannot be restored there.
        var closed = SharedDb(CrmClosed);
        Assert.False(closed.Reachable);
        Assert.Equal(AccessVerdict.Accessed, closed.Accessed);
        Assert.Equal([Outside], closed.SharedWith);

        Assert.True(SharedDb(CrmPlain).Reachable);
    }

    [Fact]
    public void An_encrypted_snapshot_whose_key_lets_everyone_decrypt_only_under_a_condition_not_decided_is_unknown_naming_it()
    {
        var e = Exposure(FromAddress);
        Assert.Null(e.Reachable);
        Assert.Empty(e.ReachableThrough);
        Assert.Equal([$"the key policy of KMS key {account.FromAddressKeyId} lets account {Outside} use it only under condition "
                      + "aws:SourceIp IpAddress 203.0.113.0/24, which the collected state cannot decide"], e.ReachUnknown);
        Assert.Contains("aws:SourceIp IpAddress 203.0.113.0/24", Assert.Single(e.ReachUnknownTexts)["ja"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_snapshot_the_attacker_shared_is_restorable_there_only_with_the_use_of_its_clusters_kms_key()
    {
        var granted = SharedDb(AuroraGranted, cluster: true);
        Assert.True(granted.Reachable);
        Assert.Contains(granted.ReachableThrough, t => t.StartsWith("grant ", StringComparison.Ordinal) && t.Contains(Outside, StringComparison.Ordinal));

        // Shared, but encrypted with a key only the account's own callers may use: no copy can be restored there.
        var closed = SharedDb(AuroraClosed, cluster: true);
        Assert.False(closed.Reachable);
        Assert.Empty(closed.ReachUnknown);
        Assert.Equal(AccessVerdict.Accessed, closed.Accessed);
        Assert.Equal([Outside], closed.SharedWith);
    }
}
