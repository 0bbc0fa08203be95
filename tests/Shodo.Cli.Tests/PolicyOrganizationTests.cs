using System.Text.Json;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo policy --organization</c> (issue 21): what the responder needs in the management account (every read, the
/// never-delete changes with the SCP lever, and AssumeRole on the member role only) and in each member account (the member
/// role's permissions without Organizations but DescribeOrganization, and a trust policy naming the management account),
/// as JSON and as text headed in English or Japanese.
/// </summary>
public class PolicyOrganizationTests
{
    private static List<string> Actions(JsonElement policy) => policy.GetProperty("Statement").EnumerateArray()
        .SelectMany(s => s.GetProperty("Action").ValueKind == JsonValueKind.String ? [s.GetProperty("Action").GetString()!]
            : s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!)).ToList();

    [Fact]
    public async Task The_management_policy_and_the_member_role_s_permissions_and_trust_are_printed_as_json()
    {
        var run = await CliRun.Invoke("policy", "--organization", "--management-account-id", "111122223333", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var management = doc.RootElement.GetProperty("managementAccount");
        var actions = Actions(management);
        Assert.Contains("organizations:CreatePolicy", actions);
        Assert.Contains("organizations:AttachPolicy", actions);
        Assert.Contains("organizations:ListPoliciesForTarget", actions);
        Assert.Contains("iam:UpdateAccessKey", actions);
        var enter = management.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "ShodoEnterMemberAccounts");
        Assert.Equal("arn:aws:iam::*:role/ShodoResponder", enter.GetProperty("Resource").GetString());

        var member = doc.RootElement.GetProperty("memberRole");
        Assert.Equal("ShodoResponder", member.GetProperty("roleName").GetString());
        var memberActions = Actions(member.GetProperty("permissions"));
        Assert.Contains("iam:UpdateAccessKey", memberActions);
        Assert.Contains("ec2:StopInstances", memberActions);
        Assert.Equal(["organizations:DescribeOrganization"], memberActions.Where(a => a.StartsWith("organizations:", StringComparison.Ordinal)));
        var trust = member.GetProperty("trust").GetProperty("Statement")[0];
        Assert.Equal("arn:aws:iam::111122223333:root", trust.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal("sts:AssumeRole", trust.GetProperty("Action").GetString());

        foreach (var all in new[] { actions, memberActions })
            Assert.DoesNotContain(all, a => a.Contains(":Delete") || a.Contains(":Terminate") || a.Contains(":Detach") || a.Contains(":Remove"));
    }

    [Theory]
    [InlineData("en", "# The management account", "# Each member account: the trust policy of the role OrganizationAccountAccessRole")]
    [InlineData("ja", "# 管理アカウント", "# 各メンバーアカウント: ロール OrganizationAccountAccessRole の信頼ポリシー")]
    public async Task As_text_each_policy_is_headed_in_the_language_asked(string lang, string first, string trust)
    {
        var run = await CliRun.Invoke("policy", "--organization", "--member-role-name", "OrganizationAccountAccessRole", "--lang", lang);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(first, run.Out);
        Assert.Contains(trust, run.Out);
        Assert.Contains("arn:aws:iam::MANAGEMENT_ACCOUNT_ID:root", run.Out);
        Assert.Contains("arn:aws:iam::*:role/OrganizationAccountAccessRole", run.Out);
    }

    [Theory]
    [InlineData("--member-role-name", "*")]
    [InlineData("--management-account-id", "1111")]
    public async Task A_wildcard_role_or_a_malformed_account_is_a_usage_error(string option, string value)
    {
        var run = await CliRun.Invoke("policy", "--organization", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Empty(run.Out);
    }
}
