using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// An attacker's EC2 Fleet of type maintain (Spot capacity): a member that stops running is replaced. The planner finds the
/// fleet from its members' tag aws:ec2:fleet-id and holds it first (before-state journaled; TotalTargetCapacity 0 with
/// no-termination, never DeleteFleets); its members, one-time Spot Instances, are then stopped, not only isolated (EC2
/// lets a maintain fleet's member stop), and none is replaced or terminated; a member's stop sends nothing while the
/// fleet could still replace it; a roll-back sets back the capacity and policy it recorded.
/// </summary>
public sealed class Ec2FleetContainmentTests
{
    private const string Region = "eu-west-1";

    private static (Ec2Fleet Fleet, List<string> Members) SeedAttackerFleet(LeakedKeyRange env)
    {
        var state = env.Range.State;
        lock (state.Sync)
        {
            var fleet = new Ec2Fleet
            {
                Id = $"fleet-{Guid.NewGuid()}", Type = Fleet.Maintain, CreateTime = state.Clock.Now, TargetCapacity = 2,
                DefaultTargetCapacityType = Ec2Fleet.Spot,
                Launch = new LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "g4dn.12xlarge" },
            };
            state.Ec2(Region).Ec2Fleets.Add(fleet);
            state.Clock.Advance(TimeSpan.FromSeconds(1));
            state.Ec2(Region); // the fleet launches as the region settles
            state.Clock.Advance(TimeSpan.FromMinutes(2));
            state.Ec2(Region); // and its members are running
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
    public async Task The_fleet_is_held_at_capacity_0_then_its_members_are_stopped_none_replaced_and_rollback_restores_it()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (fleet, members) = SeedAttackerFleet(env);
        Assert.Equal(2, members.Count);
        await AddInstancesAsync(env, members);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var hold = Assert.Single(plan.Actions, a => a.Action == "hold-ec2-fleet");
            Assert.Equal(new ContainmentTarget(TargetKinds.Ec2Fleet, fleet.Id, Region), hold.Target);
            var stops = plan.Actions.Where(a => a.Action == "stop-instance" && members.Contains(a.Target.Id)).ToList();
            Assert.Equal(members.Order(), stops.Select(a => a.Target.Id).Order());
            Assert.DoesNotContain(plan.Actions, a => a.Action == "isolate-instance" && members.Contains(a.Target.Id));
            Assert.All(stops, a => Assert.True(a.Phase > hold.Phase));

            // A member's stop alone, before the fleet is held: nothing is sent (the fleet would replace it).
            await contain.ApproveAllAsync(plan, sha);
            var early = await contain.ApplyAsync(plan, sha, new ApplyOptions { Only = new HashSet<string> { stops[0].Id } });
            Assert.Equal(Outcomes.Failed, early.Actions.Single(r => r.ActionId == stops[0].Id).Outcome);
            Assert.DoesNotContain(env.ResponderChanges(), c => c.Operation == "StopInstances");
            lock (env.Range.State.Sync) Assert.Equal(InstanceStates.Running, env.Range.State.Ec2(Region).FindInstance(stops[0].Target.Id)!.State);

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == hold.Id).Outcome);
            Assert.All(stops, s => Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == s.Id).Outcome));

            var journal = JournalReader.Read(CaseFolder.At(env.CaseDirectory));
            var before = journal.First(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["actionId"] == hold.Id);
            Assert.Equal(2, (int?)before.Data["state"]!["targetCapacity"]);
            Assert.Equal("termination", (string?)before.Data["state"]!["excessCapacityTerminationPolicy"]);
            var held = journal.Single(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] == hold.Id);
            Assert.Equal("ec2:ModifyFleet", (string?)held.Data["operation"]);
            Assert.Equal("no-termination", (string?)held.Data["request"]!["excessCapacityTerminationPolicy"]);
            var firstStop = journal.First(e => e.Kind == ContainmentJournalKinds.Changed && stops.Any(s => s.Id == (string?)e.Data["actionId"]));
            Assert.True(held.Seq < firstStop.Seq);

            lock (env.Range.State.Sync) env.Range.State.Clock.Advance(TimeSpan.FromMinutes(15));
            lock (env.Range.State.Sync)
            {
                var ec2 = env.Range.State.Ec2(Region);
                Assert.Equal(0, fleet.TargetCapacity);
                Assert.Equal(Ec2Fleet.NoTermination, fleet.ExcessCapacityTerminationPolicy);
                Assert.Equal(members, fleet.Members); // nothing replaced
                Assert.All(members, id => Assert.Equal(InstanceStates.Stopped, ec2.FindInstance(id)!.State));
            }

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", hold.Id, default)).Outcome);
            lock (env.Range.State.Sync)
            {
                Assert.Equal(2, fleet.TargetCapacity);
                Assert.Equal(Ec2Fleet.Termination, fleet.ExcessCapacityTerminationPolicy);
            }
        }
        Assert.Empty(env.ChangesMadeTwice());
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
