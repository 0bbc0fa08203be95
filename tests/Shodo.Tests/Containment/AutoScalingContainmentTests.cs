using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// An attacker's instances launched by an Auto Scaling group: stopping them alone lets the group's health check
/// terminate them (the evidence) and launch replacements. The planner finds the group from the instances' tag, holds
/// it (before-state journaled, processes suspended) before any member is stopped, and a roll-back resumes exactly
/// what it suspended.
/// </summary>
public sealed class AutoScalingContainmentTests
{
    private const string Region = "eu-west-1";
    private const string GroupName = "render-farm";

    private static (AutoScalingGroup Group, List<string> Members) SeedAttackerGroup(LeakedKeyRange env)
    {
        var state = env.Range.State;
        lock (state.Sync)
        {
            var ec2 = state.Ec2(Region);
            var template = new LaunchTemplate
            {
                LaunchTemplateId = Ec2Ids.New("lt"), LaunchTemplateName = "render-node", CreateTime = state.Clock.Now,
                CreatedBy = "arn:aws:iam::" + state.AccountId + ":user/" + env.Truth.Users[0], ImageId = "ami-0abcdef1234567890", InstanceType = "g5.12xlarge",
            };
            ec2.LaunchTemplates.Add(template);
            var group = state.CreateAutoScalingGroup(Region, new AutoScalingGroup
            {
                Name = GroupName, Arn = $"arn:aws:autoscaling:{Region}:{state.AccountId}:autoScalingGroup:{Guid.NewGuid()}:autoScalingGroupName/{GroupName}",
                LaunchTemplateId = template.LaunchTemplateId, LaunchTemplateName = template.LaunchTemplateName,
                MinSize = 4, MaxSize = 4, DesiredCapacity = 4, AvailabilityZones = [Region + "a", Region + "b"], CreatedTime = state.Clock.Now,
                Suspended = { ["AZRebalance"] = "User suspended at 2026-12-06T09:00:00Z" },
            });
            return (group, group.Members.Select(m => m.InstanceId).ToList());
        }
    }

    /// <summary>The investigation found the group's instances (not the group itself): the planner must find the group from their tag.</summary>
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
    public async Task The_group_of_attacker_instances_is_suspended_before_they_stop_so_none_is_terminated_or_replaced_and_rollback_resumes_only_what_it_suspended()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (group, members) = SeedAttackerGroup(env);
        await AddInstancesAsync(env, members);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var hold = Assert.Single(plan.Actions, a => a.Action == "suspend-asg-launch");
            Assert.Equal(new ContainmentTarget(TargetKinds.AutoScalingGroup, GroupName, Region), hold.Target);
            Assert.All(plan.Actions.Where(a => a.Action == "stop-instance" && members.Contains(a.Target.Id)), stop => Assert.True(stop.Phase > hold.Phase));
            Assert.Equal(4, plan.Actions.Count(a => a.Action == "stop-instance" && members.Contains(a.Target.Id)));

            var result = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == hold.Id).Outcome);
            Assert.DoesNotContain(result.Verification!.Remaining, r => r.ActionId == hold.Id);

            // The journal holds the group's before-state (AZRebalance already suspended) ahead of the first member's stop.
            var journal = JournalReader.Read(CaseFolder.At(env.CaseDirectory));
            var before = journal.First(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["actionId"] == hold.Id);
            Assert.Equal(["AZRebalance"], before.Data["state"]!["suspendedProcesses"]!.AsArray().Select(p => (string?)p));
            var firstStop = journal.First(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] is { } id
                && id.StartsWith("stop-instance/", StringComparison.Ordinal) && members.Any(m => id.EndsWith(m, StringComparison.Ordinal)));
            var suspended = journal.Single(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["actionId"] == hold.Id);
            Assert.True(suspended.Seq < firstStop.Seq);
            Assert.Equal(["Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy"],
                suspended.Data["request"]!["scalingProcesses"]!.AsArray().Select(p => (string?)p));

            lock (env.Range.State.Sync) env.Range.State.Clock.Advance(TimeSpan.FromMinutes(15)); // many health-check intervals
            lock (env.Range.State.Sync)
            {
                var ec2 = env.Range.State.Ec2(Region);
                Assert.All(members, id => Assert.Equal(InstanceStates.Stopped, ec2.FindInstance(id)!.State));
                Assert.Equal(members.Order(), env.Range.State.AutoScaling(Region).Find(GroupName)!.Members.Select(m => m.InstanceId).Order());
                Assert.Empty(ec2.Instances.Where(i => !members.Contains(i.InstanceId)
                    && ec2.Tags.Value(i.InstanceId, AutoScalingRegion.GroupTag) == GroupName));
            }

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", hold.Id, default)).Outcome);
            lock (env.Range.State.Sync)
                Assert.Equal(["AZRebalance"], env.Range.State.AutoScaling(Region).Find(GroupName)!.Suspended.Keys);
        }
        Assert.Empty(env.ChangesMadeTwice());
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
