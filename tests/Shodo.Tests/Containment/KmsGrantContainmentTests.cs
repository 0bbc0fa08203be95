using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Investigation.Model;

namespace Shodo.Tests.Containment;

/// <summary>
/// The grant the attacker created on the key of the EBS snapshot it shared out (leaked-key-cryptomining's ground truth) is
/// revoked only as the approved destructive step revoke-kms-grant: without approval it waits for a person and nothing is
/// sent; approved (by <c>shodo approve</c> or the authority policy) RevokeGrant is sent once, after the grant as ListGrants
/// showed it is journaled, and verified; rollback says it cannot be undone. No Delete/Terminate/Remove call is made.
/// </summary>
public sealed class KmsGrantContainmentTests
{
    private static (string Region, string Key, string Grant, string Grantee) Grant(LeakedKeyRange env)
    {
        var g = Assert.Single(env.Truth.KmsGrants);
        return (g.Region, g.KeyId, g.GrantId, g.GranteePrincipal);
    }

    /// <summary>attacker-resources.json gains the grant, as the investigation finds it.</summary>
    private static async Task AddGrantAsync(LeakedKeyRange env, Case @case)
    {
        var (region, key, grant, grantee) = Grant(env);
        var resources = InvestigationFiles.ReadResources(@case.Folder).Append(new AttackerResource
        {
            Id = $"{ResourceTypes.OutsideKmsGrant}:{region}:{key}/{grant}", Type = ResourceTypes.OutsideKmsGrant, Region = region,
            ResourceId = $"{key}/{grant}", CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "granted",
            Attributes = new JsonObject { ["keyId"] = key, ["grantId"] = grant, ["granteePrincipal"] = grantee, ["sharedWith"] = new JsonArray("444455556666") },
        }).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    private static bool Listed(LeakedKeyRange env)
    {
        var (region, key, grant, _) = Grant(env);
        lock (env.Range.State.Sync) return env.Range.State.Kms(region).Find(key)!.Grants.Any(g => g.GrantId == grant);
    }

    private static int RevokeGrantCalls(LeakedKeyRange env)
    {
        lock (env.Range.State.Sync)
            return env.Range.State.Calls.Count(c => c.EventName == "RevokeGrant" && c.Caller?.AccessKeyId == env.Range.Responder.AccessKeyId);
    }

    [Fact]
    public async Task Without_approval_it_waits_and_nothing_is_sent_and_once_approved_RevokeGrant_is_sent_once_journaled_and_verified()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (_, key, grant, grantee) = Grant(env);
        Assert.True(Listed(env));
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddGrantAsync(env, contain.Case);
            // Even a policy that closes every data door does not revoke a grant: that is its own class.
            var (plan, sha) = await contain.PlanAsync(new AuthorityPolicy(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "close-data-door" }, null));
            var revoke = Assert.Single(plan.Actions, a => a.Action == "revoke-kms-grant");
            Assert.Equal(new ContainmentTarget(TargetKinds.KmsGrant, $"{key}/{grant}", "ap-northeast-1"), revoke.Target);
            Assert.Equal((AuthorityLevel.Approver, false), (revoke.Authority, revoke.Reversible));
            Assert.Equal(grantee, (string?)revoke.Parameters["granteePrincipal"]);

            var waiting = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.PendingApproval, waiting.Actions.Single(r => r.ActionId == revoke.Id).Outcome);
            Assert.Contains(waiting.Verification!.Remaining, r => r.ActionId == revoke.Id);
            Assert.True(Listed(env));
            Assert.Equal(0, RevokeGrantCalls(env));

            await Approval.RecordAsync(contain.Recorder, plan, sha, sha, "ciso", [revoke.Id], AuthorityPolicy.Default, default);
            var approved = await contain.ApplyAsync(plan, sha);
            Assert.Equal(Outcomes.Done, approved.Actions.Single(r => r.ActionId == revoke.Id).Outcome);
            Assert.DoesNotContain(approved.Verification!.Remaining, r => r.ActionId == revoke.Id);
            Assert.False(Listed(env));
            Assert.Equal(1, RevokeGrantCalls(env));

            var before = contain.Recorder.Ledger.Before(revoke.Id)!;
            Assert.Equal((true, grant, grantee), ((bool)before["exists"]!, (string?)before["grant"]!["GrantId"], (string?)before["grant"]!["GranteePrincipal"]));
            Assert.Equal(1, contain.Recorder.Ledger.Changes(revoke.Id));

            // Applying again sends nothing more; rolling back says what cannot be undone and sends nothing.
            await contain.ApplyAsync(plan, sha);
            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(20) });
            var back = Assert.Single(await rollback.RunAsync("ciso", revoke.Id, default));
            Assert.Equal("not-reversible", back.Outcome);
            Assert.Contains("cannot be re-created identically", back.Reason);
            Assert.Equal(1, RevokeGrantCalls(env));
        }
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
        Assert.True(CaseVerifier.Verify(env.CaseDirectory).Intact);
        // The drill's count: the one revocation is an approved destructive step, none is an unapproved destructive call.
        string responder;
        lock (env.Range.State.Sync) responder = env.Range.State.Iam.User(Shodo.Range.RangeHost.ResponderUserName)!.Arn;
        var steps = Shodo.Drill.ApprovedDestructiveCalls.Read(env.Range.State, JournalReader.Read(CaseFolder.At(env.CaseDirectory)), arn => arn == responder);
        Assert.Equal((1L, 0L), (steps.Approved, steps.Unapproved));
    }

    [Fact]
    public async Task An_authority_policy_granting_revoke_kms_grant_revokes_it_at_the_first_apply()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddGrantAsync(env, contain.Case);
            var (plan, sha) = await contain.PlanAsync(new AuthorityPolicy(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "revoke-kms-grant" }, null));
            var revoke = Assert.Single(plan.Actions, a => a.Action == "revoke-kms-grant");
            Assert.Equal(AuthorityLevel.Responder, revoke.Authority);

            var result = await contain.ApplyAsync(plan, sha);

            Assert.Equal(Outcomes.Done, result.Actions.Single(r => r.ActionId == revoke.Id).Outcome);
            Assert.False(Listed(env));
            Assert.Equal(1, RevokeGrantCalls(env));
        }
    }
}
