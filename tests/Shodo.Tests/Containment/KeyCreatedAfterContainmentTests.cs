using Shodo.Containment;

namespace Shodo.Tests.Containment;

/// <summary>
/// A credential Shodo cannot reach (the root key, an Identity Center session) can give a user whose keys Shodo already set
/// Inactive a new key. The deny still refuses what it does, but GetSessionToken cannot be denied: the next plan (the
/// watch's, a resume's) sets the new key Inactive too, as a new action (ID#2), and plans nothing more while it holds.
/// </summary>
public sealed class KeyCreatedAfterContainmentTests
{
    [Fact]
    public async Task A_key_created_after_a_users_keys_were_set_Inactive_is_set_Inactive_by_the_next_plan_under_a_new_id()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var user = env.Truth.LeakedUserName!;
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var first = plan.Actions.Single(a => a.Action == "deactivate-access-keys" && a.Target.Id == user);
            await contain.ApplyAsync(plan, sha);

            string key;
            lock (env.Range.State.Sync) key = env.Range.State.AddAccessKey(user).AccessKeyId;
            var (again, againSha) = await contain.PlanAsync();
            var second = Assert.Single(again.Actions, a => a.Action == "deactivate-access-keys" && a.Target.Id == user);
            Assert.Equal(first.Id + "#2", second.Id);
            var result = await contain.ApplyAsync(again, againSha);
            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == second.Id).Outcome);
            lock (env.Range.State.Sync) Assert.Equal("Inactive", env.Range.State.Iam.AccessKeys[key].Status);

            // Nothing undone since: the last one done stands, nothing is planned again.
            var (settled, _) = await contain.PlanAsync();
            var third = Assert.Single(settled.Actions, a => a.Action == "deactivate-access-keys" && a.Target.Id == user);
            Assert.Equal(second.Id, third.Id);
            Assert.Contains(second.Id, settled.AlreadyDone);
        }
        Assert.Empty(env.ChangesMadeTwice());
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }
}
