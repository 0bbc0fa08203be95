using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Investigation.Model;
using Shodo.Range.State.Iam;
using Shodo.Reports;

namespace Shodo.Tests.Containment;

/// <summary>
/// Containment against IAM's limits, on the range that enforces them as AWS does: a leaked user whose inline policies
/// an attacker filled to the quota still gets a deny (AWSDenyAll); when no deny fits, and for a role only AWS can
/// modify (Identity Center), containment says so with the commands and leaves it as a person's decision.
/// </summary>
public sealed class IdentityQuotaAndProtectedRoleTests
{
    private const string SsoRole = "AWSReservedSSO_AdministratorAccess_0123456789abcdef";

    /// <summary>An Allow policy of exactly <paramref name="size"/> characters.</summary>
    private static string PolicyOfSize(int size)
    {
        const string template = """{"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        return template.Replace("\"S\"", "\"" + new string('F', size - template.Length + 1) + "\"", StringComparison.Ordinal);
    }

    /// <summary>The case's Markdown report with Markdown's escapes undone, to find sentences in it.</summary>
    private static async Task<string> MarkdownReportAsync(LeakedKeyRange env, string language) =>
        Regex.Replace(await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(env.CaseDirectory, ReportFormat.Markdown, language)),
            @"\\(.)", "$1");

    private static void FillInlineQuota(LeakedKeyRange env, string user)
    {
        lock (env.Range.State.Sync)
        {
            var u = env.Range.State.Iam.User(user)!;
            u.InlinePolicies.Clear();
            u.InlinePolicies["attacker-filler"] = PolicyOfSize(2048);
        }
    }

    [Fact]
    public async Task A_leaked_user_with_its_inline_policies_full_is_denied_with_AWSDenyAll_and_the_report_says_why()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var leakedUser = env.Truth.LeakedUserName!;
        FillInlineQuota(env, leakedUser);
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == leakedUser);
            var result = await contain.ApplyAsync(plan, sha, new ApplyOptions { Only = new HashSet<string> { deny.Id }, Verify = false });
            Assert.Equal(Outcomes.Done, result.Actions.Single().Outcome);
            lock (env.Range.State.Sync)
            {
                var user = env.Range.State.Iam.User(leakedUser)!;
                Assert.Contains(AwsManagedPolicies.DenyAllArn, user.AttachedPolicyArns);
                Assert.Equal(["attacker-filler"], user.InlinePolicies.Keys);
            }
            // Shodo detaches nothing: rolling the fallback back is a person's command, and the deny stays.
            var rollback = new ContainmentRollback(contain.Aws, contain.Recorder, plan, sha, TimeProvider.System,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(5) });
            var back = Assert.Single(await rollback.RunAsync("ciso", deny.Id, default));
            Assert.Equal(Outcomes.NeedsDecision, back.Outcome);
            Assert.Contains($"aws iam detach-user-policy --user-name {leakedUser} --policy-arn {AwsManagedPolicies.DenyAllArn}", back.Reason);
            lock (env.Range.State.Sync) Assert.Contains(AwsManagedPolicies.DenyAllArn, env.Range.State.Iam.User(leakedUser)!.AttachedPolicyArns);
        }
        // The leaked key is still Active (only the deny was applied), and the deny alone refuses it.
        using (var leaked = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(env.Range.Leaked!.AccessKeyId, env.Range.Leaked.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = env.Range.Url,
        }))
        {
            var refused = await Assert.ThrowsAsync<AwsServiceError>(() => leaked.Iam().ListAllAsync(new ListUsers()));
            Assert.Equal("AccessDenied", refused.Code);
        }
        var en = await MarkdownReportAsync(env, "en");
        Assert.Contains($"{leakedUser}'s inline policies are at IAM's size quota (LimitExceeded), so Shodo attached the AWS managed policy AWSDenyAll", en);
        Assert.Equal((0, 0), env.ResponderDestructiveCalls());
    }

    [Fact]
    public async Task When_no_deny_fits_the_principal_is_left_as_a_decision_with_the_commands()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        var leakedUser = env.Truth.LeakedUserName!;
        FillInlineQuota(env, leakedUser);
        lock (env.Range.State.Sync)
        {
            var user = env.Range.State.Iam.User(leakedUser)!;
            for (var i = user.AttachedPolicyArns.Count; i < 10; i++)
            {
                var arn = env.Range.State.IamArn("policy", "/", $"filler-{i}");
                env.Range.State.Iam.Policies[arn] = new ManagedPolicy
                {
                    PolicyName = $"filler-{i}", PolicyId = "ANPA" + i, Arn = arn, Path = "/",
                    Versions = [new PolicyVersion("v1", PolicyOfSize(150), env.Range.State.Clock.Now)],
                };
                user.AttachedPolicyArns.Add(arn);
            }
        }
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            var (plan, sha) = await contain.PlanAsync();
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == leakedUser);
            var result = await contain.ApplyAsync(plan, sha, new ApplyOptions { Only = new HashSet<string> { deny.Id }, Verify = false });
            var outcome = result.Actions.Single();
            Assert.Equal(Outcomes.NeedsDecision, outcome.Outcome);
            Assert.Contains($"No deny could be put on {leakedUser}", outcome.Reason);
            Assert.Contains($"aws iam detach-user-policy --user-name {leakedUser} --policy-arn ARN", outcome.Reason);
            Assert.False(result.Contained);
        }
        lock (env.Range.State.Sync) Assert.DoesNotContain(AwsManagedPolicies.DenyAllArn, env.Range.State.Iam.User(leakedUser)!.AttachedPolicyArns);
        Assert.Contains($"No deny could be put on {leakedUser}", await MarkdownReportAsync(env, "en"));
    }

    [Fact]
    public async Task An_Identity_Center_role_gets_no_policy_and_its_decision_names_the_SCP_and_the_assignment()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        string arn;
        lock (env.Range.State.Sync)
        {
            var state = env.Range.State;
            arn = state.IamArn("role", "/aws-reserved/sso.amazonaws.com/", SsoRole);
            state.Iam.Roles[SsoRole] = new IamRole
            {
                RoleName = SsoRole, RoleId = IamIds.RoleId(), Path = "/aws-reserved/sso.amazonaws.com/", Arn = arn,
                CreateDate = state.Clock.Now, AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[]}""",
            };
        }
        await env.AddIdentitiesAsync(new AttackerIdentity
        {
            Id = $"role:{SsoRole}", Kind = IdentityKind.Role, Name = SsoRole, Confidence = Confidence.Confirmed,
            Reason = "An Identity Center session used from the attacker's address.",
        });
        // A Japanese response: the decision is recorded, escalated and reported in Japanese.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        try
        {
            var (plan, sha) = await contain.PlanAsync();
            var deny = plan.Actions.Single(a => a.Action == "attach-deny-policy" && a.Target.Id == SsoRole);
            Assert.Equal("identity-center", (string?)deny.Parameters["protected"]);
            var result = await contain.ApplyAsync(plan, sha);
            var outcome = result.Actions.Single(a => a.ActionId == deny.Id);
            Assert.Equal(Outcomes.NeedsDecision, outcome.Outcome);
            Assert.Contains($"{SsoRole} は AWS だけが変更できる IAM Identity Center のロールです", outcome.Reason);
            Assert.Contains($$"""{"ArnEquals":{"aws:PrincipalArn":"{{arn}}"},"DateLessThan":{"aws:TokenIssueTime":""", outcome.Reason);
            Assert.Contains("aws organizations attach-policy --policy-id POLICY_ID --target-id " + env.Truth.AccountId, outcome.Reason);
            Assert.Contains("aws sso-admin delete-account-assignment", outcome.Reason);
        }
        finally { CultureInfo.CurrentUICulture = culture; }
        // Nothing was sent to the role: not even an attempt IAM would refuse.
        lock (env.Range.State.Sync)
            Assert.DoesNotContain(env.Range.State.Calls, c => c.EventName is "PutRolePolicy" or "AttachRolePolicy"
                && c.RequestParameters?.ToJsonString().Contains(SsoRole, StringComparison.Ordinal) == true);
        Assert.Contains($"{SsoRole} は AWS だけが変更できる IAM Identity Center のロールです", await MarkdownReportAsync(env, "ja"));
    }
}
