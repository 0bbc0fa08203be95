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
