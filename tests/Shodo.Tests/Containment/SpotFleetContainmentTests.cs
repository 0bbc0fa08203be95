using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// An attacker's instances launched by a Spot Fleet of type maintain: a member that stops running is replaced. The planner
/// finds the fleet from the instances' tag and holds it first (before-state journaled; target capacity 0 with
/// noTermination, never a cancel that terminates), so no member is terminated or replaced; a roll-back sets back the
/// capacity and policy it recorded.
/// </summary>
public sealed class SpotFleetContainmentTests
{
    private const string Region = "eu-west-1";

    private static (SpotFleet Fleet, List<string> Members) SeedAttackerFleet(LeakedKeyRange env)
    {
        var state = env.Range.State;
        lock (state.Sync)
        {
            var fleet = new SpotFleet
            {
                SpotFleetRequestId = $"sfr-{Guid.NewGuid()}", Type = SpotFleet.Maintain, CreateTime = state.Clock.Now, TargetCapacity = 2,
                IamFleetRole = $"arn:aws:iam::{state.AccountId}:role/aws-ec2-spot-fleet-tagging-role",
                Launch = new LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "g4dn.12xlarge" },
            };
            state.Ec2(Region).SpotFleets.Add(fleet);
            state.Clock.Advance(TimeSpan.FromSeconds(1));
            state.Ec2(Region); // the fleet launches as the region settles
            return (fleet, fleet.Members.ToList());
        }
    }

    private static async Task AddInstancesAsync(LeakedKeyRange env, IEnumerable<string> members)
    {
        using var @case = env.OpenCase();
        var resources = InvestigationFiles.ReadResources(@case.Folder).Concat(members.Select(id => new AttackerResource
        {
            Id = $"{ResourceTypes.Instance}:{Region}:{id}", Type = ResourceTypes.Instance, Region = Region, ResourceId = id,
            CreatedBy = "user:" + env.Truth.Users[0],
        })).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    [Fact]
    public async Task The_fleet_of_attacker_instances_is_held_at_capacity_0_before_they_are_contained_so_none_is_replaced_and_rollback_restores_it()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (fleet, members) = SeedAttackerFleet(env);
        Assert.Equal(2, members.Count);
        await AddInstancesAsync(env, members);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var hold = Assert.Single(plan.Actions, a => a.Action == "hold-spot-fleet");
            Assert.Equal(new ContainmentTarget(TargetKinds.SpotFleet, fleet.SpotFleetRequestId, Region), hold.Target);
            Assert.DoesNotContain(plan.Actions, a => a.Action == "cancel-spot-fleet");
            var compute = plan.Actions.Where(a => a.Action is "stop-instance" or "isolate-instance" && members.Contains(a.Target.Id)).ToList();
            Assert.Equal(2, compute.Select(a => a.Target.Id).Distinct().Count());
            Assert.All(compute, a => Assert.True(a.Phase > hold.Phase));

            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == hold.Id).Outcome);

            var journal = JournalReader.Read(Shodo.Cases.CaseFolder.At(env.CaseDirectory));
            var before = journal.First(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["actionId"] == hold.Id);
            Assert.Equal(2, (int?)before.Data["state"]!["targetCapacity"]);
            var held = journal.Single(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] == hold.Id);
            Assert.Equal("noTermination", (string?)held.Data["request"]!["excessCapacityTerminationPolicy"]);
            var firstMember = journal.First(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] is { } id
                && members.Any(m => id.EndsWith(m, StringComparison.Ordinal)));
            Assert.True(held.Seq < firstMember.Seq);

            lock (env.Range.State.Sync) env.Range.State.Clock.Advance(TimeSpan.FromMinutes(15));
            lock (env.Range.State.Sync)
            {
                var ec2 = env.Range.State.Ec2(Region);
                Assert.Equal(0, fleet.TargetCapacity);
                Assert.Equal(SpotFleet.NoTermination, fleet.ExcessCapacityTerminationPolicy);
                Assert.Equal(members, fleet.Members);
                Assert.All(members, id => Assert.False(ec2.FindInstance(id)!.IsGone));
            }

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", hold.Id, default)).Outcome);
            lock (env.Range.State.Sync)
            {
                Assert.Equal(2, fleet.TargetCapacity);
                Assert.Equal(SpotFleet.Default, fleet.ExcessCapacityTerminationPolicy);
            }
        }
        Assert.Empty(env.ChangesMadeTwice());
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
