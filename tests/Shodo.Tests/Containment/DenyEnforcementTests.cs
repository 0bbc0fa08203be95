using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Reads;

namespace Shodo.Tests.Containment;

/// <summary>
/// IAM is eventually consistent (issue 19, item 8): on a range whose policy changes take seconds to apply, the deny is
/// done only once iam:SimulatePrincipalPolicy shows it enforced — retried within the settle budget, never with the
/// leaked key — and when the budget runs out first it is not called done.
/// </summary>
public sealed class DenyEnforcementTests
{
    private static async Task<bool> LeakedKeyActsAsync(LeakedKeyRange env)
    {
        var leaked = env.Range.Leaked!;
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(leaked.AccessKeyId, leaked.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = env.Range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        try
        {
            await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
            return true;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode is "UnauthorizedOperation" or "AuthFailure") { return false; }
    }

    private static int LeakedKeyCalls(LeakedKeyRange env)
    {
        lock (env.Range.State.Sync) return env.Range.State.Calls.Count(c => c.Caller?.AccessKeyId == env.Range.Leaked!.AccessKeyId);
    }

    [Fact]
    public async Task The_deny_is_done_only_once_the_simulation_shows_it_enforced()
    {
        await using var env = await LeakedKeyRange.StartAsync(iamPropagation: TimeSpan.FromSeconds(4));
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == env.Truth.LeakedUserName);
            var callsBefore = LeakedKeyCalls(env);
            var result = await contain.ApplyAsync(plan, sha, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(30), Verify = false });
            Assert.Equal(Outcomes.Done, result.Actions.Single(a => a.ActionId == deny.Id).Outcome);
            Assert.Equal(callsBefore, LeakedKeyCalls(env)); // proven without the leaked key

            var after = JournalAfter(env, deny.Id);
            Assert.Equal(DenyEnforcement.Proven, (string?)after["enforcement"]);
            lock (env.Range.State.Sync)
                Assert.Contains(env.Range.State.Calls, c => c.EventName == "SimulatePrincipalPolicy" && c.Caller?.AccessKeyId == env.Range.Responder.AccessKeyId);
        }
        // Keys are Inactive too; the point is that Shodo's "done" came after the deny took effect.
        Assert.False(await LeakedKeyActsAsync(env));
    }

    [Fact]
    public async Task A_deny_still_propagating_when_the_budget_ends_is_not_called_done()
    {
        await using var env = await LeakedKeyRange.StartAsync(iamPropagation: TimeSpan.FromMinutes(10));
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == env.Truth.LeakedUserName);
            var result = await contain.ApplyAsync(plan, sha, new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(2), Verify = false });
            var outcome = result.Actions.Single(a => a.ActionId == deny.Id);
            Assert.Equal(Outcomes.Failed, outcome.Outcome);
            Assert.Contains("2", outcome.Reason);
            lock (env.Range.State.Sync) // stored, as IAM shows it at once
                Assert.Contains(env.Range.State.Iam.User(env.Truth.LeakedUserName!)!.InlinePolicies.Keys, k => k.StartsWith("ShodoContainment", StringComparison.Ordinal));
        }
    }

    private static System.Text.Json.Nodes.JsonObject JournalAfter(LeakedKeyRange env, string actionId) =>
        Shodo.Cases.JournalReader.Read(Shodo.Cases.CaseFolder.At(env.CaseDirectory))
            .Last(e => e.Kind == ContainmentJournalKinds.Outcome && (string?)e.Data["actionId"] == actionId).Data["after"]!.AsObject();
}
