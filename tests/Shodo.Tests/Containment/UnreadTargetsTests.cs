using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Range;

namespace Shodo.Tests.Containment;

/// <summary>
/// A read containment cannot make stops only what depends on it. With the responder denied EC2's region
/// list and instance attributes, planning used to fail as a whole and nothing was contained; now the
/// identities are contained (the leaked key first among them), the instances that could not be read are
/// left out, every read given up is journaled with the plan and the verification, and nobody is told "contained".
/// </summary>
public sealed class UnreadTargetsTests
{
    private const string DenyReads =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["ec2:DescribeRegions","ec2:DescribeInstanceAttribute"],"Resource":"*"}]}""";

    [Fact]
    public async Task Reads_that_fail_leave_out_only_what_depends_on_them_and_are_journaled()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        lock (env.Range.State.Sync) env.Range.State.Iam.User(RangeHost.ResponderUserName)!.InlinePolicies["no-instance-reads"] = DenyReads;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();

            Assert.Contains(plan.Unread, u => u is { Scope: Planner.ScopeRegions, Code: "UnauthorizedOperation", Retryable: false });
            var instances = env.Truth.Instances.Select(i => $"{TargetKinds.Instance}:{i.Region}:{i.InstanceId}").ToList();
            Assert.All(instances, key => Assert.Contains(plan.Unread, u => u.IsTarget && u.Scope == key));
            Assert.DoesNotContain(plan.Actions, a => a.Target.Kind == TargetKinds.Instance);
            Assert.Contains(plan.Actions, a => a.Action == "deactivate-access-keys" && a.Target.Id == env.Truth.LeakedUserName);

            await contain.ApproveAllAsync(plan, sha);
            var result = await contain.ApplyAsync(plan, sha);

            Assert.False(result.Contained);
            Assert.False(result.Resumable); // AWS meant it: trying again will not read it
            Assert.Contains(result.Verification!.Unread, u => u.Scope == Planner.ScopeRegions);
            lock (env.Range.State.Sync)
                Assert.Equal("Inactive", env.Range.State.Iam.AccessKeys[env.Truth.LeakedAccessKeyId!].Status);
        }

        var journal = JournalReader.Read(CaseFolder.At(env.CaseDirectory));
        var planned = journal.Single(e => e.Kind == ContainmentJournalKinds.Planned);
        Assert.Equal(env.Truth.Instances.Count + 1, planned.Data["unread"]!.AsArray().Count);
        var verified = journal.Single(e => e.Kind == ContainmentJournalKinds.Verified);
        Assert.False((bool?)verified.Data["contained"]);
        Assert.Contains(verified.Data["unread"]!.AsArray(), u => (string?)u!["scope"] == Planner.ScopeRegions);
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
    }
}
