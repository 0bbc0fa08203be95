using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>Authority, approval, stale plans, the responder's own identity, roll-back — against the range.</summary>
public sealed class PlanApplyRulesTests
{
    [Fact]
    public async Task Without_approval_only_actions_within_authority_are_applied_and_the_rest_wait_saying_who_must_approve()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var result = await contain.ApplyAsync(plan, sha);
            Assert.False(result.Contained);
            var pending = result.Actions.Where(a => a.Outcome == Outcomes.PendingApproval).ToList();
            Assert.NotEmpty(pending);
            Assert.All(pending, p => Assert.Contains(p.Action, new[] { "isolate-instance", "cancel-spot-request" }));
            Assert.All(pending, p => Assert.Contains($"shodo approve CASE --plan {sha}", p.Reason));
            Assert.All(result.Actions.Where(a => a.Action is "stop-instance" or "deactivate-access-keys" or "attach-deny-policy"),
                a => Assert.Contains(a.Outcome, new[] { Outcomes.Done, Outcomes.AlreadyDone }));
            lock (env.Range.State.Sync)
                Assert.All(env.Range.State.Ec2Regions.SelectMany(r => r.SpotRequests), s => Assert.NotEqual(SpotRequest.Cancelled, s.State));

            await Assert.ThrowsAsync<ShodoException>(() =>
                Approval.RecordAsync(contain.Recorder, plan, sha, new string('0', 64), "ciso", null, AuthorityPolicy.Default, default));
            await contain.ApproveAllAsync(plan, sha);
            var approved = await contain.ApplyAsync(plan, sha);
            Assert.True(approved.Contained);
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }

    /// <summary>
    /// EC2 stops a persistent Spot request's instance only while the request is not cancelled, so apply cancels the request
    /// only once its instance's stop has held: applied before the stop (here alone, with --only), the cancel is not sent and
    /// fails naming the instance; applied again with the stop, it is sent after it.
    /// </summary>
    [Fact]
    public async Task A_persistent_spot_request_is_not_cancelled_before_its_instance_stop_has_held()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            await contain.ApproveAllAsync(plan, sha);
            var cancel = plan.Actions.First(a => a.Action == "cancel-spot-request");
            string instanceId;
            lock (env.Range.State.Sync)
                instanceId = env.Range.State.Ec2(cancel.Target.Region!).SpotRequests.Single(s => s.SpotInstanceRequestId == cancel.Target.Id).InstanceId!;
            var stop = plan.Actions.Single(a => a.Action == "stop-instance" && a.Target.Id == instanceId);

            var early = await contain.ApplyAsync(plan, sha, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20), Only = new HashSet<string> { cancel.Id } });

            var refused = early.Actions.Single(a => a.ActionId == cancel.Id);
            Assert.Equal(Outcomes.Failed, refused.Outcome);
            Assert.Contains(instanceId, refused.Reason);
            lock (env.Range.State.Sync)
            {
                Assert.NotEqual(SpotRequest.Cancelled, env.Range.State.Ec2(cancel.Target.Region!).SpotRequests.Single(s => s.SpotInstanceRequestId == cancel.Target.Id).State);
                Assert.DoesNotContain(env.Range.State.Calls, c => c.EventName == "CancelSpotInstanceRequests");
            }

            var after = await contain.ApplyAsync(plan, sha, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20), Only = new HashSet<string> { stop.Id, cancel.Id } });

            Assert.Contains(after.Actions.Single(a => a.ActionId == stop.Id).Outcome, new[] { Outcomes.Done, Outcomes.AlreadyDone });
            Assert.Equal(Outcomes.Done, after.Actions.Single(a => a.ActionId == cancel.Id).Outcome);
            lock (env.Range.State.Sync)
                Assert.Contains(env.Range.State.Ec2(cancel.Target.Region!).FindInstance(instanceId)!.State, new[] { "stopping", "stopped" });
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }

    [Fact]
    public async Task A_stale_plan_is_refused_before_anything_changes()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var victim = plan.Actions.First(a => a.Action == "stop-instance").Target;
            lock (env.Range.State.Sync)
            {
                var region = env.Range.State.Ec2(victim.Region!);
                region.Terminate(region.FindInstance(victim.Id)!, env.Range.State.Clock.Now);
            }
            var e = await Assert.ThrowsAsync<ShodoException>(() => contain.ApplyAsync(plan, sha));
            Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
            Assert.Contains("shodo plan", e.Diagnostic.Summary);
            Assert.Contains(victim.Id, e.Diagnostic.Summary);
            Assert.Empty(env.ResponderChanges());
        }
    }

    [Fact]
    public async Task A_plan_file_changed_after_planning_is_refused()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var edited = plan with { Actions = plan.Actions.Skip(1).ToList() };
            var newSha = await PlanFile.WriteAsync(contain.Case, edited, default);
            var e = await Assert.ThrowsAsync<ShodoException>(() => contain.ApplyAsync(edited, newSha));
            Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
            Assert.Empty(env.ResponderChanges());
        }
    }

    [Fact]
    public async Task When_the_responder_is_among_the_compromised_planning_stops_and_says_so()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        using (var @case = env.OpenCase())
        {
            var identities = InvestigationFiles.ReadIdentities(@case.Folder).Append(new AttackerIdentity
            {
                Id = "user:responder", Kind = IdentityKind.User, Name = "responder", Confidence = Confidence.Confirmed, Reason = "test",
            });
            await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
        }
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var e = await Assert.ThrowsAsync<ShodoException>(() => contain.PlanAsync());
            Assert.Equal(ExitCode.Refused, e.Diagnostic.Code);
            Assert.Contains("responder", e.Diagnostic.Summary);
        }
        Assert.Empty(env.ResponderChanges());
    }

    [Fact]
    public async Task Rollback_restores_the_before_state_of_a_contained_key_and_instance()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var result = await contain.ApplyAsync(plan, sha);
            var stop = plan.Actions.First(a => a.Action == "stop-instance");
            var keys = plan.Actions.First(a => a.Action == "deactivate-access-keys" && a.Target.Id == env.Truth.LeakedUserName);
            var deny = plan.Actions.First(a => a.Action == "attach-deny-policy" && a.Target.Id == env.Truth.LeakedUserName);
            Assert.All(new[] { stop, keys, deny }, a => Assert.Equal(Outcomes.Done, result.Actions.First(r => r.ActionId == a.Id).Outcome));
            lock (env.Range.State.Sync) env.Range.State.Clock.Advance(TimeSpan.FromMinutes(2)); // stopping → stopped

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            foreach (var a in new[] { stop, keys, deny })
                Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", a.Id, default)).Outcome);

            lock (env.Range.State.Sync)
            {
                var state = env.Range.State;
                Assert.Equal("Active", state.Iam.AccessKeys[env.Truth.LeakedAccessKeyId!].Status);
                var instance = state.Ec2(stop.Target.Region!).FindInstance(stop.Target.Id)!;
                Assert.Contains(instance.State, new[] { InstanceStates.Pending, InstanceStates.Running });
                Assert.False(Shodo.Containment.Actions.DenyPolicyDocument.IsActiveDeny(
                    state.Iam.User(env.Truth.LeakedUserName!)!.InlinePolicies[ContainmentTags.PolicyName(contain.Case.Manifest.Id)]));
            }
            var journal = File.ReadAllLines(Path.Combine(env.CaseDirectory, CaseFileNames.Journal))
                .Select(l => JsonNode.Parse(l)!).Where(e => (string?)e["kind"] == ContainmentJournalKinds.RolledBack).ToList();
            Assert.Equal(3, journal.Count);
            Assert.All(journal, e => Assert.Equal("ciso", (string?)e["data"]!["by"]));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
