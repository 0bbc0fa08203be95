using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Actions;
using Shodo.Range.State.Ec2;

namespace Shodo.Tests.Containment;

/// <summary>
/// The acceptance story on <c>leaked-key-cryptomining</c> with the live adversary: plan, approve,
/// apply; the adversary keeps acting between planning and applying (new keys, a new backdoor user,
/// new instances), verification reports what appeared, a re-plan contains it — and then nothing the
/// adversary does succeeds, while the legitimate workload is untouched and nothing was deleted.
/// </summary>
public sealed class ContainmentAgainstAdversaryTests
{
    [Fact]
    public async Task After_apply_and_one_re_plan_no_adversary_call_succeeds_and_only_attacker_resources_were_touched()
    {
        await using var env = await LeakedKeyRange.StartAsync(adversary: true);
        var adversary = env.Range.Adversary!;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            Assert.DoesNotContain(plan.Actions, a => a.Target.Id == LeakedKeyRange.RelatedUser);
            await contain.ApproveAllAsync(plan, sha);
            await adversary.TickAsync(); // instances in random regions, a session token
            await adversary.TickAsync(); // another backdoor key; key limit reached: a new backdoor user
            lock (env.Range.State.Sync) Assert.NotNull(env.Range.State.Iam.User("aws-support-svc2"));

            var first = await contain.ApplyAsync(plan, sha);
            Assert.False(first.Contained);
            Assert.NotEmpty(first.Verification!.NewResources);
            Assert.All(first.Verification.NewResources, r => Assert.NotNull(r.CreatedBy));

            var (replan, resha) = await contain.PlanAsync();
            Assert.NotEmpty(replan.AlreadyDone);
            Assert.Contains(replan.Actions, a => first.Verification.NewResources.Any(r => r.ResourceId == a.Target.Id));
            await contain.ApproveAllAsync(replan, resha);
            var second = await contain.ApplyAsync(replan, resha);
            Assert.True(second.Contained, string.Join("\n", second.Verification!.Remaining.Select(r => $"{r.Target}: {r.Reason}")
                .Concat(second.Verification.NewResources.Select(r => r.Id))));
            Assert.All(replan.AlreadyDone, id => Assert.True(Outcomes.IsFinal(second.Actions.First(a => a.ActionId == id).Outcome)));
            Assert.Empty(env.ChangesMadeTwice());
        }

        var before = adversary.Status.SuccessfulCalls;
        Assert.Equal(0, await adversary.TickAsync());
        Assert.Equal(0, await adversary.TickAsync());
        Assert.Equal(before, adversary.Status.SuccessfulCalls);

        var state = env.Range.State;
        lock (state.Sync)
        {
            var attackerUsers = state.Iam.Users.Keys.Where(u => u.StartsWith("aws-support-svc", StringComparison.Ordinal))
                .Append(env.Truth.LeakedUserName!).ToList();
            foreach (var user in attackerUsers)
            {
                Assert.All(state.Iam.KeysOf(user), k => Assert.Equal("Inactive", k.Status));
                Assert.True(DenyPolicyDocument.IsActiveDeny(state.Iam.User(user)!.InlinePolicies.GetValueOrDefault(
                    ContainmentTags.PolicyName(Path.GetFileName(env.CaseDirectory)))), user);
            }
            foreach (var user in new[] { "dev-suzuki", "ops-sato", "ci-deploy" })
            {
                Assert.All(state.Iam.KeysOf(user), k => Assert.Equal("Active", k.Status));
                Assert.DoesNotContain(state.Iam.User(user)!.InlinePolicies.Keys, k => k.StartsWith("ShodoContainment", StringComparison.Ordinal));
            }
            foreach (var region in state.Ec2Regions)
                foreach (var i in region.Instances)
                {
                    var legit = region.Region == "ap-northeast-1" && i.ImageId == "ami-0d52744d6551d851e";
                    if (legit)
                    {
                        Assert.Equal(InstanceStates.Running, i.State);
                        Assert.False(i.DisableApiTermination);
                        continue;
                    }
                    var spot = i.SpotInstanceRequestId is { } sir ? region.FindSpotRequest(sir) : null;
                    if (spot?.Type == SpotRequest.OneTime)
                    {
                        var group = Assert.Single(i.SecurityGroupIds);
                        Assert.StartsWith("shodo-quarantine-", region.FindSecurityGroup(group)!.GroupName);
                    }
                    else Assert.True(i.State is InstanceStates.Stopping or InstanceStates.Stopped, $"{region.Region} {i.InstanceId} {i.State} {i.InstanceType} spot={i.SpotInstanceRequestId} {spot?.Type} by={i.RequesterArn} launched={i.LaunchTime:O}");
                    if (i.InstanceLifecycle == "spot")
                    {
                        // EC2 refuses termination protection on Spot: the evidence on its volumes is kept by snapshots instead.
                        Assert.False(i.DisableApiTermination, i.InstanceId);
                        Assert.All(i.VolumeIds, v => Assert.Contains(region.Snapshots, s => s.VolumeId == v));
                    }
                    else Assert.True(i.DisableApiTermination, i.InstanceId);
                    Assert.NotEqual(InstanceStates.Terminated, i.State);
                }
            foreach (var region in state.Ec2Regions)
                foreach (var s in region.SpotRequests.Where(s => s.Type == SpotRequest.Persistent))
                    Assert.Equal(SpotRequest.Cancelled, s.State);
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
