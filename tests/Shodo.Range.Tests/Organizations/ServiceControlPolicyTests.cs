using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// Service control policies bound a member account's principals as AWS evaluates them: an explicit Deny in an attached
/// SCP refuses the call ("with an explicit deny in a service control policy"), conditions on aws:PrincipalArn and
/// aws:TokenIssueTime reach exactly the sessions issued before the deny, and the management account is never bound.
/// </summary>
public sealed class ServiceControlPolicyTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task A_deny_on_a_role_s_earlier_sessions_refuses_them_in_the_member_and_lets_new_ones_and_the_management_account_act()
    {
        var earlier = await fixture.InMemberAsync(2, session: "attacker");
        await earlier.OkAsync("iam", "list-users");
        fixture.Range.State.Clock.Advance(TimeSpan.FromMinutes(1));
        var cutoff = fixture.Range.State.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var content = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{" +
            "\"ArnEquals\":{\"aws:PrincipalArn\":\"" + fixture.AccessRole(2) + "\"},\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + cutoff + "\"}}}]}";
        var id = (await Cli.OkAsync("organizations", "create-policy", "--name", fixture.Unique("deny-attacker"), "--description", "IR",
            "--type", "SERVICE_CONTROL_POLICY", "--content", content)).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await Cli.OkAsync("organizations", "attach-policy", "--policy-id", id, "--target-id", fixture.Member(2));

        var denied = await earlier.FailsWithAsync("AccessDenied", "iam", "list-users");
        Assert.Contains("with an explicit deny in a service control policy", denied.ErrorMessage);
        await earlier.FailsWithAsync("UnauthorizedOperation", "ec2", "describe-instances");
        await (await fixture.InMemberAsync(2, session: "responder")).OkAsync("iam", "list-users");
        await Cli.OkAsync("iam", "list-users");

        await Cli.OkAsync("organizations", "detach-policy", "--policy-id", id, "--target-id", fixture.Member(2));
        await earlier.OkAsync("iam", "list-users");
    }

    [Fact]
    public async Task A_member_s_root_user_whom_no_identity_policy_binds_is_refused_by_the_deny_root_SCP_Shodo_suggests()
    {
        var state = fixture.Range.Organization!.Account(fixture.Member(1))!.State;
        RangeCredentials root;
        lock (state.Sync)
        {
            var key = state.AddRootAccessKey();
            root = new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
        var asRoot = Cli.As(root);
        Assert.Equal($"arn:aws:iam::{fixture.Member(1)}:root", (await asRoot.OkAsync("sts", "get-caller-identity")).GetProperty("Arn").GetString());
        await asRoot.OkAsync("ec2", "describe-instances");

        var id = (await Cli.OkAsync("organizations", "create-policy", "--name", fixture.Unique("deny-root"), "--description", "",
            "--type", "SERVICE_CONTROL_POLICY", "--content", Shodo.Containment.Actions.EscalateRootKey.DenyRootScp))
            .GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        await Cli.OkAsync("organizations", "attach-policy", "--policy-id", id, "--target-id", fixture.Member(1));
        try
        {
            var denied = await asRoot.FailsWithAsync("UnauthorizedOperation", "ec2", "describe-instances");
            Assert.Contains("explicit deny in a service control policy", denied.ErrorMessage);
            await (await fixture.InMemberAsync(1)).OkAsync("ec2", "describe-instances");
        }
        finally
        {
            await Cli.OkAsync("organizations", "detach-policy", "--policy-id", id, "--target-id", fixture.Member(1));
        }
    }

    [Fact]
    public async Task An_SCP_attached_to_the_management_account_does_not_bind_it_and_one_on_the_root_binds_every_member()
    {
        const string denyUsers = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}""";
        var id = (await Cli.OkAsync("organizations", "create-policy", "--name", fixture.Unique("no-users"), "--description", "",
            "--type", "SERVICE_CONTROL_POLICY", "--content", denyUsers)).GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        var root = (await Cli.OkAsync("organizations", "list-roots")).GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        await Cli.OkAsync("organizations", "attach-policy", "--policy-id", id, "--target-id", root);
        try
        {
            await Cli.OkAsync("iam", "create-user", "--user-name", fixture.Unique("mgmt-user"));
            var member = await fixture.InMemberAsync(3);
            await member.FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", fixture.Unique("member-user"));
            await member.OkAsync("iam", "list-users");
        }
        finally
        {
            await Cli.OkAsync("organizations", "detach-policy", "--policy-id", id, "--target-id", root);
        }
    }
}
