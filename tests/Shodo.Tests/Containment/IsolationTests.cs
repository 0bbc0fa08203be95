using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Investigation.Model;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// Isolating instances that cannot be stopped as EC2 really allows it, against the range: per network interface, through an
/// all-open group first so that a live (tracked) connection is cut, with a quarantine group briefly InvalidGroup.NotFound,
/// and an instance-store-backed instance isolated with the reason it was not stopped.
/// </summary>
public sealed class IsolationTests
{
    private const string Pool = "198.51.100.7";

    [Fact]
    public async Task Isolation_cuts_live_connections_on_every_interface_and_rollback_restores_each_interfaces_groups()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var spot = env.Truth.SpotRequests.First(s => s.Type == "one-time" && s.InstanceId is not null);
        string region = spot.Region, target = spot.InstanceId!, secondEni, storeBacked;
        IReadOnlyList<string> primaryBefore, secondBefore;
        LiveConnection onPrimary, onSecond;
        lock (env.Range.State.Sync)
        {
            var state = env.Range.State;
            state.Ec2Timings = state.Ec2Timings with { SecurityGroupPropagation = TimeSpan.FromSeconds(3) };
            var ec2 = state.Ec2(region);
            var instance = ec2.FindInstance(target)!;
            var extra = ec2.AttachInterface(instance, [], state.Clock.Now);
            secondEni = extra.NetworkInterfaceId;
            onPrimary = ec2.OpenConnection(instance, Pool, 3333);
            onSecond = ec2.OpenConnection(instance, Pool, 4444, secondEni);
            primaryBefore = instance.SecurityGroupIds.ToList();
            secondBefore = extra.SecurityGroupIds.ToList();
            var launched = ec2.Launch(new LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "m5d.2xlarge", RootDeviceType = "instance-store" },
                1, state.Clock.Now, requesterArn: state.Iam.User(env.Truth.Users[0])!.Arn)[0];
            storeBacked = launched.InstanceId;
            state.Clock.Advance(ec2.Timings.Boot);
        }
        using (var @case = env.OpenCase())
        {
            var resources = InvestigationFiles.ReadResources(@case.Folder).Append(new AttackerResource
            {
                Id = $"{ResourceTypes.Instance}:{region}:{storeBacked}", Type = ResourceTypes.Instance, Region = region, ResourceId = storeBacked,
                CreatedBy = "user:" + env.Truth.Users[0], Attributes = new JsonObject { ["instanceType"] = "m5d.2xlarge", ["market"] = "on-demand" },
            });
            await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
        }

        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var isolate = plan.Actions.Single(a => a.Action == "isolate-instance" && a.Target.Id == target);
            Assert.Contains("untracked", isolate.ExpectedAfter);
            var isolateStore = plan.Actions.Single(a => a.Action == "isolate-instance" && a.Target.Id == storeBacked);
            Assert.DoesNotContain(plan.Actions, a => a.Action == "stop-instance" && a.Target.Id == storeBacked);
            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha);

            var outcome = result.Actions.Single(r => r.ActionId == isolate.Id);
            Assert.Equal(Outcomes.NeedsDecision, outcome.Outcome);
            var storeOutcome = result.Actions.Single(r => r.ActionId == isolateStore.Id);
            Assert.Equal(Outcomes.NeedsDecision, storeOutcome.Outcome);
            Assert.Contains("instance-store", storeOutcome.Reason);
            lock (env.Range.State.Sync)
            {
                var ec2 = env.Range.State.Ec2(region);
                var instance = ec2.FindInstance(target)!;
                var quarantine = ec2.FindSecurityGroupNamed(ContainmentTags.QuarantineGroupName(contain.Case.Manifest.Id))!;
                Assert.Empty(quarantine.Rules);
                Assert.Equal([quarantine.GroupId], instance.SecurityGroupIds);
                Assert.Equal([quarantine.GroupId], instance.ExtraInterfaces.Single().SecurityGroupIds);
                Assert.False(onPrimary.IsOpen, "the mining pool connection on the primary interface is cut");
                Assert.False(onSecond.IsOpen, "the connection on the second interface is cut");
                Assert.Equal(InstanceStates.Running, instance.State);
                var store = ec2.FindInstance(storeBacked)!;
                Assert.Equal(InstanceStates.Running, store.State);
                Assert.Equal([quarantine.GroupId], store.SecurityGroupIds);
                var calls = env.Range.State.Calls.Where(c => c.Caller?.AccessKeyId == env.Range.Responder.AccessKeyId).ToList();
                Assert.Contains(calls, c => c.EventName == "ModifyNetworkInterfaceAttribute" && c.ErrorCode == "InvalidGroup.NotFound");
                Assert.DoesNotContain(calls, c => c.EventName == "StopInstances" && c.RequestParameters?.ToJsonString().Contains(storeBacked) == true);
                Assert.DoesNotContain(calls, c => c.EventName == "ModifyInstanceAttribute" && c.ErrorCode is not null);
            }

            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            Assert.Equal("rolled-back", Assert.Single(await rollback.RunAsync("ciso", isolate.Id, default)).Outcome);
            lock (env.Range.State.Sync)
            {
                var instance = env.Range.State.Ec2(region).FindInstance(target)!;
                Assert.Equal(primaryBefore, instance.SecurityGroupIds);
                Assert.Equal(secondBefore, instance.ExtraInterfaces.Single(e => e.NetworkInterfaceId == secondEni).SecurityGroupIds);
            }
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.Empty(env.ChangesMadeTwice());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
