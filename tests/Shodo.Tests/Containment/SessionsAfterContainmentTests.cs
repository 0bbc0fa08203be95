using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Reports;
using Shodo.Range;
using Shodo.Range.Auth;
using Shodo.Range.State.Iam;

namespace Shodo.Tests.Containment;

/// <summary>
/// Issue 19 item 2 against the range: no identity policy stops sts:GetSessionToken and a console password mints
/// sessions too, so containing the leaked user must leave nothing derived from it able to act — sessions minted before,
/// sessions the still-Active key mints after, console sessions — whichever of the deny, the keys and the password
/// reset is done first or waits for approval; the login profile is kept (a reset required, its before-state journaled).
/// </summary>
public sealed class SessionsAfterContainmentTests
{
    private const string Password = "Attacker!Chosen#1";

    private static AWSCredentials Creds(RangeCredentials c) =>
        c.SessionToken is null ? new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey) : new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    private static async Task<RangeCredentials> MintAsync(LeakedKeyRange env)
    {
        using var sts = new AmazonSecurityTokenServiceClient(Creds(env.Range.Leaked!),
            new AmazonSecurityTokenServiceConfig { ServiceURL = env.Range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var c = (await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 129600 })).Credentials;
        return new RangeCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    private static RangeCredentials ConsoleSession(LeakedKeyRange env)
    {
        var s = new ConsoleSignIn(env.Range.State, new Authorizer(env.Range.State)).SignIn(env.Truth.LeakedUserName!, null);
        return new RangeCredentials(s.AccessKeyId, s.SecretAccessKey, s.Token);
    }

    /// <summary>Whether the credentials can still act (an EC2 read in the attacker's favourite region).</summary>
    private static async Task<bool> ActsAsync(LeakedKeyRange env, RangeCredentials c)
    {
        using var ec2 = new AmazonEC2Client(Creds(c),
            new AmazonEC2Config { ServiceURL = env.Range.Url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        try
        {
            await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());
            return true;
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode is "UnauthorizedOperation" or "AuthFailure") { return false; }
    }

    private static void GiveTheLeakedUserAConsolePassword(LeakedKeyRange env)
    {
        lock (env.Range.State.Sync)
            env.Range.State.Iam.User(env.Truth.LeakedUserName!)!.LoginProfile = new LoginProfile { CreateDate = env.Range.State.Clock.Now };
    }

    [Fact]
    public async Task Deny_first_keys_and_password_waiting_sessions_minted_after_by_key_or_console_cannot_act()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        GiveTheLeakedUserAConsolePassword(env);
        var before = await MintAsync(env);
        var consoleBefore = ConsoleSession(env);
        Assert.True(await ActsAsync(env, before));
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        string resetId;
        using (cleanup)
        {
            var denyOnly = new AuthorityPolicy(new HashSet<string> { "attach-deny-policy", "stop-instance" }, null);
            var (plan, sha) = await contain.PlanAsync(denyOnly);
            var user = env.Truth.LeakedUserName!;
            var reset = Assert.Single(plan.Actions, a => a.Action == "require-password-reset" && a.Target.Id == user);
            Assert.Equal(AuthorityLevel.Approver, reset.Authority);
            Assert.Contains("sessions minted before or after containment", plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == user).ExpectedAfter);

            var first = await contain.ApplyAsync(plan, sha);
            Assert.False(first.Contained);
            Assert.Equal(Outcomes.PendingApproval, first.Actions.Single(a => a.ActionId == reset.Id).Outcome);
            // The key is still Active: it mints a session (AWS lets it), and neither that session, nor a console sign-in, nor anything older acts.
            var after = await MintAsync(env);
            Assert.False(await ActsAsync(env, after));
            Assert.False(await ActsAsync(env, before));
            Assert.False(await ActsAsync(env, consoleBefore));
            Assert.False(await ActsAsync(env, ConsoleSession(env)));
            Assert.False(await ActsAsync(env, env.Range.Leaked!));

            await contain.ApproveAllAsync(plan, sha);
            var second = await contain.ApplyAsync(plan, sha);
            Assert.Contains(second.Actions, a => a.ActionId == reset.Id && a.Outcome == Outcomes.Done);
            await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => MintAsync(env)); // Inactive: InvalidClientTokenId
            var refused = Assert.Throws<ConsoleSignInRefused>(() => ConsoleSession(env));
            Assert.Contains("iam:ChangePassword", refused.Message);

            lock (env.Range.State.Sync)
            {
                var profile = env.Range.State.Iam.User(user)!.LoginProfile;
                Assert.NotNull(profile); // kept, not deleted
                Assert.True(profile.PasswordResetRequired);
            }
            var journal = JournalReader.Read(CaseFolder.At(env.CaseDirectory));
            var recorded = journal.First(e => e.Kind == ContainmentJournalKinds.Before && (string?)e.Data["actionId"] == reset.Id);
            Assert.False((bool)recorded.Data["state"]!["loginProfile"]!["passwordResetRequired"]!);
            Assert.Equal((0, 0), env.ResponderDestructiveCalls());
            resetId = reset.Id;
        }
        // The report's containment table: the reset, with the login profile's state before and after.
        var report = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(env.CaseDirectory, ReportFormat.Markdown, "en"));
        Assert.Contains(resetId, report);
        Assert.Contains("\"passwordResetRequired\":false", report);
        Assert.Contains("\"passwordResetRequired\":true", report);
    }

    [Fact]
    public async Task Keys_and_password_first_deny_waiting_an_older_session_still_acts_and_nothing_says_contained()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        GiveTheLeakedUserAConsolePassword(env);
        var before = await MintAsync(env);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var keysOnly = new AuthorityPolicy(new HashSet<string> { "deactivate-access-keys", "stop-instance" }, null);
            var (plan, sha) = await contain.PlanAsync(keysOnly);
            var user = env.Truth.LeakedUserName!;
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == user);

            var first = await contain.ApplyAsync(plan, sha);
            Assert.False(first.Contained);
            Assert.Equal(Outcomes.PendingApproval, first.Actions.Single(a => a.ActionId == deny.Id).Outcome);
            Assert.Contains(first.Verification!.Remaining, r => r.ActionId == deny.Id);
            // Keys Inactive and a reset required: no new session, no console sign-in — but the session minted before acts.
            await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => MintAsync(env));
            Assert.True(await ActsAsync(env, before));

            await contain.ApproveAllAsync(plan, sha);
            await contain.ApplyAsync(plan, sha);
            Assert.False(await ActsAsync(env, before));
        }
    }
}
