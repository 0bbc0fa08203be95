using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// Stopping what the attacker protected, against the range: DisableApiStop is cleared (its before-state journaled first), and
/// an instance whose stop never finishes is reported with its state — not counted as contained.
/// </summary>
public sealed class StuckStopTests
{
    [Fact]
    public async Task Stop_protection_is_cleared_after_its_before_state_and_an_instance_stuck_in_stopping_is_not_contained()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var onDemand = env.Truth.Instances.Where(i => i.SpotInstanceRequestId is null).ToList();
        var (protectedOne, stuck) = (onDemand[0], onDemand[^1]);
        Assert.NotEqual(protectedOne.InstanceId, stuck.InstanceId);
        lock (env.Range.State.Sync)
        {
            var state = env.Range.State;
            state.Ec2Timings = state.Ec2Timings with { Stop = TimeSpan.Zero };
            state.Ec2(protectedOne.Region).FindInstance(protectedOne.InstanceId)!.DisableApiStop = true;
            state.Ec2(stuck.Region).FindInstance(stuck.InstanceId)!.StuckStopping = true;
        }

        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var clear = plan.Actions.Single(a => a.Action == "clear-disable-api-stop");
            Assert.Equal(protectedOne.InstanceId, clear.Target.Id);
            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20), StuckStoppingAfter = TimeSpan.Zero });

            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == clear.Id).Outcome);
            var stopProtected = plan.Actions.Single(a => a.Action == "stop-instance" && a.Target.Id == protectedOne.InstanceId);
            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == stopProtected.Id).Outcome);
            var journal = File.ReadAllLines(Path.Combine(env.CaseDirectory, CaseFileNames.Journal)).Select(l => JsonNode.Parse(l)!).ToList();
            int At(string kind) => journal.FindIndex(e => (string?)e["kind"] == kind && (string?)e["data"]!["actionId"] == clear.Id);
            Assert.True(At(ContainmentJournalKinds.Before) >= 0 && At(ContainmentJournalKinds.Before) < At(ContainmentJournalKinds.Changed));
            Assert.True((bool?)journal[At(ContainmentJournalKinds.Before)]["data"]!["state"]!["disableApiStop"]);

            var stopStuck = plan.Actions.Single(a => a.Action == "stop-instance" && a.Target.Id == stuck.InstanceId);
            Assert.False(result.Contained);
            var remaining = Assert.Single(result.Verification!.Remaining, r => r.ActionId == stopStuck.Id);
            Assert.Contains("state: stopping", remaining.Reason);
            Assert.DoesNotContain(result.Verification.Remaining, r => r.ActionId == stopProtected.Id);
            lock (env.Range.State.Sync)
            {
                Assert.Equal(InstanceStates.Stopping, env.Range.State.Ec2(stuck.Region).FindInstance(stuck.InstanceId)!.State);
                Assert.Equal(InstanceStates.Stopped, env.Range.State.Ec2(protectedOne.Region).FindInstance(protectedOne.InstanceId)!.State);
            }
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
