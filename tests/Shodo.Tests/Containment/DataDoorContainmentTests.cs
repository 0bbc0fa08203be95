using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;

namespace Shodo.Tests.Containment;

/// <summary>
/// The doors to the data the attacker opened (issue 18), against the range playing leaked-key-cryptomining:
/// the RDS snapshot it shared with an outside account is un-shared within the authority class close-data-door,
/// waits for an approver without it, and <c>shodo rollback</c> restores exactly the before-state — nothing deleted.
/// </summary>
public sealed class DataDoorContainmentTests
{
    private static readonly AuthorityPolicy ClosesDoors =
        new(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "close-data-door" }, null);

    /// <summary>attacker-resources.json gains the shared snapshot, as the investigation finds it.</summary>
    private static async Task AddSharedSnapshotsAsync(LeakedKeyRange env, Case @case)
    {
        var resources = InvestigationFiles.ReadResources(@case.Folder).ToList();
        foreach (var s in env.Truth.SharedSnapshots)
            resources.Add(new AttackerResource
            {
                Id = $"{ResourceTypes.SharedDbSnapshot}:{s.Region}:{s.DbSnapshotIdentifier}", Type = ResourceTypes.SharedDbSnapshot,
                Region = s.Region, ResourceId = s.DbSnapshotIdentifier, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "shared",
                Attributes = new JsonObject { ["sharedWith"] = new JsonArray((JsonNode)s.SharedWithAccount) },
            });
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    private static List<string> RestoreAccounts(LeakedKeyRange env, string region, string snapshot)
    {
        lock (env.Range.State.Sync) return env.Range.State.Rds(region).Snapshots[snapshot].RestoreAccounts.ToList();
    }

    [Fact]
    public async Task A_shared_db_snapshot_is_unshared_within_close_data_door_and_rollback_restores_exactly_its_before_state()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var shared = Assert.Single(env.Truth.SharedSnapshots);
        var before = RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier);
        Assert.Contains(shared.SharedWithAccount, before);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddSharedSnapshotsAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door");
            Assert.Equal(new ContainmentTarget(TargetKinds.DbSnapshot, shared.DbSnapshotIdentifier, shared.Region), door.Target);
            Assert.Equal(AuthorityLevel.Responder, door.Authority);
            Assert.True(door.Reversible);
            Assert.Equal([shared.SharedWithAccount], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Empty(RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier));
            Assert.Contains(env.ResponderChanges(), c => c.Operation == "ModifyDBSnapshotAttribute" && c.Target.Contains(shared.SharedWithAccount));

            var journaledBefore = contain.Recorder.Ledger.Before(door.Id)!;
            Assert.Equal(before, journaledBefore["restore"]!.AsArray().Select(v => (string)v!));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(before, RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public async Task A_shared_ebs_snapshot_is_unshared_and_rollback_gives_back_exactly_its_create_volume_permission()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string region = "ap-northeast-1";
        string snapshotId;
        lock (env.Range.State.Sync)
        {
            var ec2 = env.Range.State.Ec2(region);
            var volume = ec2.Volumes.First();
            var snapshot = new Shodo.Range.State.Ec2.Snapshot
            {
                SnapshotId = "snap-0a1b2c3d4e5f60718", VolumeId = volume.VolumeId, VolumeSize = volume.Size, StartTime = env.Range.State.Clock.Now,
                CompletesAt = env.Range.State.Clock.Now, OwnerId = env.Truth.AccountId,
            };
            snapshot.CreateVolumePermissions.AddRange(["444455556666", "all"]);
            ec2.Snapshots.Add(snapshot);
            snapshotId = snapshot.SnapshotId;
        }
        List<string> Permissions()
        {
            lock (env.Range.State.Sync) return env.Range.State.Ec2(region).Snapshots.Single(s => s.SnapshotId == snapshotId).CreateVolumePermissions.ToList();
        }
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var resources = InvestigationFiles.ReadResources(contain.Case.Folder).Append(new AttackerResource
            {
                Id = $"{ResourceTypes.SharedEbsSnapshot}:{region}:{snapshotId}", Type = ResourceTypes.SharedEbsSnapshot, Region = region,
                ResourceId = snapshotId, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "shared",
            }).ToList();
            await InvestigationFiles.WriteAsync(contain.Case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door");
            Assert.Equal(new ContainmentTarget(TargetKinds.EbsSnapshot, snapshotId, region), door.Target);

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Empty(Permissions());
            Assert.Contains(env.ResponderChanges(), c => c.Operation == "ModifySnapshotAttribute" && c.Target.Contains(snapshotId));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(["444455556666", "all"], Permissions().Order(StringComparer.Ordinal));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    /// <summary>attacker-resources.json gains the bucket as the investigation finds it.</summary>
    private static async Task AddOpenedBucketAsync(LeakedKeyRange env, Case @case, string bucket, string region)
    {
        var resources = InvestigationFiles.ReadResources(@case.Folder).Append(new AttackerResource
        {
            Id = $"{ResourceTypes.OpenedBucket}:{region}:{bucket}", Type = ResourceTypes.OpenedBucket, Region = region,
            ResourceId = bucket, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "opened",
        }).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    private static (Shodo.Range.State.S3.S3PublicAccessBlock? Block, string? Policy) Bucket(LeakedKeyRange env, string name)
    {
        lock (env.Range.State.Sync)
        {
            var b = env.Range.State.FindBucket(name)!;
            return (b.PublicAccessBlock, b.Policy);
        }
    }

    [Fact]
    public async Task The_opened_bucket_gets_a_deny_for_the_outside_account_and_block_public_access_and_rollback_restores_both_exactly()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var opened = Assert.Single(env.Truth.OpenedBuckets);
        string region;
        lock (env.Range.State.Sync) region = env.Range.State.FindBucket(opened.Bucket)!.Region;
        var before = Bucket(env, opened.Bucket);
        Assert.Equal(new Shodo.Range.State.S3.S3PublicAccessBlock(false, false, false, false), before.Block);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddOpenedBucketAsync(env, contain.Case, opened.Bucket, region);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Kind == TargetKinds.Bucket);
            Assert.Equal(new ContainmentTarget(TargetKinds.Bucket, opened.Bucket, region), door.Target);
            Assert.Equal(AuthorityLevel.Responder, door.Authority);
            Assert.Equal(["444455556666", "all"], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            var after = Bucket(env, opened.Bucket);
            Assert.Equal(new Shodo.Range.State.S3.S3PublicAccessBlock(), after.Block);
            var policy = JsonNode.Parse(after.Policy!)!["Statement"]!.AsArray();
            // The attacker's statements stay (evidence); one Deny names the outside account.
            Assert.Equal(JsonNode.Parse(before.Policy!)!["Statement"]!.AsArray().Count + 1, policy.Count);
            var deny = Assert.Single(policy, s => (string?)s!["Sid"] == Shodo.Containment.Doors.OpenedBucket.DenySid)!;
            Assert.Equal("Deny", (string?)deny["Effect"]);
            Assert.Equal(["arn:aws:iam::444455556666:root"], deny["Principal"]!["AWS"]!.AsArray().Select(v => (string)v!));
            var changes = env.ResponderChanges().Where(c => c.Target.Contains(opened.Bucket)).Select(c => c.Operation).ToList();
            Assert.Equal(new[] { "PutBucketPolicy", "PutPublicAccessBlock" }, changes);
            Assert.Empty(Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(opened.Bucket)!, env.Truth.AccountId));

            var journaledBefore = contain.Recorder.Ledger.Before(door.Id)!;
            Assert.Equal(before.Policy, (string?)journaledBefore["policy"]);

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(before, Bucket(env, opened.Bucket));

            // The report's doors table (in the impact section) says what was closed and how, in English and Japanese.
            await contain.Case.Documents.WriteJsonAsync(InvestigationFiles.Impact, InvestigationFiles.ToNode(new Impact
            {
                Cost = new CostEstimate { PriceTable = "none", AsOf = DateTimeOffset.UtcNow },
            }), "investigate", default);
            foreach (var (lang, closed) in new[] { ("en", "(shut out: 444455556666, all; a Deny in the bucket policy"), ("ja", "（締め出した相手: 444455556666, all。") })
            {
                var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(contain.Case, Shodo.Reports.ReportFormat.Markdown, lang));
                var row = md.Split('\n').Single(l => l.StartsWith($"| {opened.Bucket} | {ResourceTypes.OpenedBucket} |", StringComparison.Ordinal));
                Assert.Contains(closed, row);
                Assert.Contains(lang == "en" ? "re-opened by shodo rollback" : "shodo rollback により再び開かれました", row);
            }
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public async Task A_public_acl_on_a_bucket_without_block_public_access_is_ignored_and_rollback_leaves_all_four_settings_off()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string name = "acme-legacy-downloads", region = "ap-northeast-1";
        lock (env.Range.State.Sync)
            env.Range.State.CreateBucket(name, region, blockPublicAccess: false).Grants
                .Add(new Shodo.Range.State.S3.S3Grant("Group", Shodo.Range.State.S3.S3Grant.AllUsers, "READ"));
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddOpenedBucketAsync(env, contain.Case, name, region);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Id == name);
            Assert.Equal(["all"], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Equal((new Shodo.Range.State.S3.S3PublicAccessBlock(), (string?)null), Bucket(env, name));
            Assert.Equal(["PutPublicAccessBlock"], env.ResponderChanges().Where(c => c.Target.Contains(name)).Select(c => c.Operation));
            Assert.Null(contain.Recorder.Ledger.Before(door.Id)!["publicAccessBlock"]);

            // None before: rollback puts all four off (S3 treats it as none) instead of sending DeletePublicAccessBlock.
            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal((new Shodo.Range.State.S3.S3PublicAccessBlock(false, false, false, false), (string?)null), Bucket(env, name));
            Assert.Equal(["all"], Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(name)!, env.Truth.AccountId));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.DoesNotContain(Shodo.Aws.Safety.MutationAllowlist.Entries, e => e.Operation.Key.Contains("DeletePublicAccessBlock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_shared_cluster_snapshot_is_unshared_and_rollback_restores_exactly_its_restore_attribute()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string region = "us-east-1", cluster = "crm-aurora", snapshot = "crm-aurora-export";
        lock (env.Range.State.Sync)
        {
            var now = env.Range.State.Clock.Now;
            // Unencrypted: RDS lets only such a snapshot be public (and rollback make it public again).
            env.Range.State.CreateDbCluster(region, cluster, at: now.AddDays(-200), databaseName: "crm", storageEncrypted: false);
            env.Range.State.CreateDbClusterSnapshot(region, snapshot, cluster, at: now.AddHours(-3)).RestoreAccounts.AddRange(["444455556666", "all"]);
        }
        List<string> Restore()
        {
            lock (env.Range.State.Sync) return env.Range.State.Rds(region).ClusterSnapshots[snapshot].RestoreAccounts.ToList();
        }
        var before = Restore();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var resources = InvestigationFiles.ReadResources(contain.Case.Folder).Append(new AttackerResource
            {
                Id = $"{ResourceTypes.SharedDbClusterSnapshot}:{region}:{snapshot}", Type = ResourceTypes.SharedDbClusterSnapshot, Region = region,
                ResourceId = snapshot, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "shared",
            }).ToList();
            await InvestigationFiles.WriteAsync(contain.Case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Kind == TargetKinds.DbClusterSnapshot);
            Assert.Equal(new ContainmentTarget(TargetKinds.DbClusterSnapshot, snapshot, region), door.Target);

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Empty(Restore());
            Assert.Contains(env.ResponderChanges(), c => c.Operation == "ModifyDBClusterSnapshotAttribute" && c.Target.Contains(snapshot));
            Assert.Equal(before, contain.Recorder.Ledger.Before(door.Id)!["restore"]!.AsArray().Select(v => (string)v!));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(before.Order(StringComparer.Ordinal), Restore().Order(StringComparer.Ordinal));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public async Task A_shared_image_is_unshared_and_rollback_gives_back_exactly_its_launch_permission()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string region = "ap-northeast-1", imageId = "ami-0a1b2c3d4e5f60718";
        lock (env.Range.State.Sync)
        {
            var now = env.Range.State.Clock.Now;
            var image = new Shodo.Range.State.Ec2.Image
            {
                ImageId = imageId, Name = "backup", OwnerId = env.Truth.AccountId, CreationDate = now.AddHours(-2), AvailableAt = now.AddHours(-2),
            };
            image.LaunchPermissions.AddRange(["444455556666", "all"]);
            env.Range.State.Ec2(region).Images.Add(image);
        }
        List<string> Permissions()
        {
            lock (env.Range.State.Sync) return env.Range.State.Ec2(region).Images.Single(i => i.ImageId == imageId).LaunchPermissions.ToList();
        }
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var resources = InvestigationFiles.ReadResources(contain.Case.Folder).Append(new AttackerResource
            {
                Id = $"{ResourceTypes.SharedImage}:{region}:{imageId}", Type = ResourceTypes.SharedImage, Region = region,
                ResourceId = imageId, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "shared",
            }).ToList();
            await InvestigationFiles.WriteAsync(contain.Case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Kind == TargetKinds.Image);
            Assert.Equal(new ContainmentTarget(TargetKinds.Image, imageId, region), door.Target);
            Assert.Equal(["444455556666", "all"], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Empty(Permissions());
            Assert.Contains(env.ResponderChanges(), c => c.Operation == "ModifyImageAttribute" && c.Target.Contains(imageId));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(["444455556666", "all"], Permissions().Order(StringComparer.Ordinal));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }

    [Fact]
    public async Task A_bucket_that_already_refuses_public_policies_is_closed_by_restricting_its_public_policy_which_shuts_out_the_named_account_too_and_rollback_restores_it()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string name = "acme-partner-exchange", region = "ap-northeast-1";
        lock (env.Range.State.Sync)
        {
            var bucket = env.Range.State.CreateBucket(name, region);
            bucket.PublicAccessBlock = new Shodo.Range.State.S3.S3PublicAccessBlock(false, false, BlockPublicPolicy: true, RestrictPublicBuckets: false);
            bucket.Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{name}}/*"},{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{name}}/*"}]}""";
        }
        var before = Bucket(env, name);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddOpenedBucketAsync(env, contain.Case, name, region);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door" && a.Target.Id == name);
            Assert.Equal(["444455556666", "all"], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));
            var result = await contain.ApplyAsync(plan, sha);

            // S3 would refuse any policy still holding the public statement, and needs none: with RestrictPublicBuckets on, a
            // public policy lets in no one outside the account — "including non-public delegation to specific accounts".
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            var after = Bucket(env, name);
            Assert.Equal(new Shodo.Range.State.S3.S3PublicAccessBlock(), after.Block);
            Assert.Equal(before.Policy, after.Policy);
            Assert.Equal(["PutPublicAccessBlock"], env.ResponderChanges().Where(c => c.Target.Contains(name)).Select(c => c.Operation));
            Assert.Empty(Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(name)!, env.Truth.AccountId));

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", door.Id, default)).Outcome);
            Assert.Equal(before, Bucket(env, name));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }

    [Fact]
    public async Task A_door_the_attacker_opens_again_after_it_was_closed_is_closed_again_by_the_next_plan_under_a_new_id()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var shared = Assert.Single(env.Truth.SharedSnapshots);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddSharedSnapshotsAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync(ClosesDoors);
            var first = Assert.Single(plan.Actions, a => a.Action == "close-data-door");
            await contain.ApplyAsync(plan, sha);
            Assert.Empty(RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier));

            // A key found only later shares it again (played on the range's state).
            lock (env.Range.State.Sync) env.Range.State.Rds(shared.Region).Snapshots[shared.DbSnapshotIdentifier].RestoreAccounts.Add("all");
            var (again, againSha) = await contain.PlanAsync(ClosesDoors);
            var second = Assert.Single(again.Actions, a => a.Action == "close-data-door");
            Assert.Equal(first.Id + "#2", second.Id);
            Assert.DoesNotContain(second.Id, again.AlreadyDone);
            Assert.Equal(["all"], second.Parameters["openTo"]!.AsArray().Select(v => (string)v!));
            var result = await contain.ApplyAsync(again, againSha);
            Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == second.Id).Outcome);
            Assert.Empty(RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier));
            Assert.True(result.Verification!.Remaining.All(r => !r.ActionId.StartsWith("close-data-door", StringComparison.Ordinal)));

            var (closed, _) = await contain.PlanAsync(ClosesDoors);
            Assert.DoesNotContain(closed.Actions, a => a.Action == "close-data-door");
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }

    [Fact]
    public async Task Without_close_data_door_in_the_authority_policy_the_share_waits_for_an_approver_and_stays_as_it_was()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var shared = Assert.Single(env.Truth.SharedSnapshots);
        var before = RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddSharedSnapshotsAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync();
            var door = Assert.Single(plan.Actions, a => a.Action == "close-data-door");
            Assert.Equal(AuthorityLevel.Approver, door.Authority);
            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.PendingApproval, result.Actions.First(r => r.ActionId == door.Id).Outcome);
            Assert.Equal(before, RestoreAccounts(env, shared.Region, shared.DbSnapshotIdentifier));
        }
    }
}
