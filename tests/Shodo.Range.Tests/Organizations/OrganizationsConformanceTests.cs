using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// AWS Organizations as the real AWS CLI sees it (botocore's model: AWSOrganizationsV20161128, JSON 1.1): the management
/// account describes the organisation and lists its accounts, root and service control policies; FullAWSAccess is
/// attached to the root and every account; a member account may describe the organisation and nothing more; a policy's
/// life (create, attach, detach) refuses what AWS refuses with AWS's error codes.
/// </summary>
public sealed class OrganizationsConformanceTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private AwsCli Cli => fixture.Cli;

    private static string[] Ids(JsonElement list, string member, string id = "Id") =>
        list.GetProperty(member).EnumerateArray().Select(e => e.GetProperty(id).GetString()!).ToArray();

    [Fact]
    public async Task The_management_account_lists_the_organisation_its_accounts_root_and_policies()
    {
        var org = (await Cli.OkAsync("organizations", "describe-organization")).GetProperty("Organization");
        Assert.Equal(fixture.Management, org.GetProperty("MasterAccountId").GetString());
        Assert.Equal("ALL", org.GetProperty("FeatureSet").GetString());
        Assert.Matches("^o-[a-z0-9]{10}$", org.GetProperty("Id").GetString());

        var accounts = await Cli.OkAsync("organizations", "list-accounts");
        Assert.Equal([fixture.Management, fixture.Member(1), fixture.Member(2), fixture.Member(3)], Ids(accounts, "Accounts"));
        Assert.All(accounts.GetProperty("Accounts").EnumerateArray(), a => Assert.Equal("ACTIVE", a.GetProperty("Status").GetString()));
        var paged = await Cli.OkAsync("organizations", "list-accounts", "--max-items", "1");
        Assert.Single(paged.GetProperty("Accounts").EnumerateArray());
        Assert.True(paged.TryGetProperty("NextToken", out _));

        var root = (await Cli.OkAsync("organizations", "list-roots")).GetProperty("Roots")[0];
        Assert.Matches("^r-[a-z0-9]{4}$", root.GetProperty("Id").GetString());
        Assert.Equal("SERVICE_CONTROL_POLICY", root.GetProperty("PolicyTypes")[0].GetProperty("Type").GetString());
        Assert.Equal("ENABLED", root.GetProperty("PolicyTypes")[0].GetProperty("Status").GetString());

        Assert.Contains("p-FullAWSAccess", Ids(await Cli.OkAsync("organizations", "list-policies", "--filter", "SERVICE_CONTROL_POLICY"), "Policies"));
        Assert.Equal(["p-FullAWSAccess"], Ids(await Cli.OkAsync("organizations", "list-policies-for-target",
            "--target-id", fixture.Member(2), "--filter", "SERVICE_CONTROL_POLICY"), "Policies"));
        var targets = Ids(await Cli.OkAsync("organizations", "list-targets-for-policy", "--policy-id", "p-FullAWSAccess"), "Targets", "TargetId");
        Assert.Equal(new[] { root.GetProperty("Id").GetString()!, fixture.Management, fixture.Member(1), fixture.Member(2), fixture.Member(3) }.Order(),
            targets.Order());
        var full = (await Cli.OkAsync("organizations", "describe-policy", "--policy-id", "p-FullAWSAccess")).GetProperty("Policy");
        Assert.True(full.GetProperty("PolicySummary").GetProperty("AwsManaged").GetBoolean());
        Assert.Contains("\"Allow\"", full.GetProperty("Content").GetString());
    }

    [Fact]
    public async Task The_state_dump_shows_the_organisation_and_each_member_s_state_without_secrets()
    {
        var member = await fixture.InMemberAsync(2, session: "dump");
        await member.OkAsync("iam", "create-access-key", "--user-name", (await member.OkAsync("iam", "create-user", "--user-name",
            fixture.Unique("dumped"))).GetProperty("User").GetProperty("UserName").GetString()!);
        using var http = new HttpClient { BaseAddress = fixture.Range.Url };
        var text = await http.GetStringAsync("_range/state");
        var org = System.Text.Json.Nodes.JsonNode.Parse(text)!["organization"]!;
        Assert.Equal(fixture.Management, (string?)org["managementAccountId"]);
        var members = org["members"]!.AsObject();
        Assert.Equal([fixture.Member(1), fixture.Member(2), fixture.Member(3)], members.Select(m => m.Key));
        Assert.Contains("OrganizationAccountAccessRole", members[fixture.Member(2)]!["iam"]!.ToJsonString());
        Assert.Contains("p-FullAWSAccess", org["attachments"]![fixture.Member(2)]!.ToJsonString());
        Assert.DoesNotContain(member.Credentials.SecretAccessKey, text);
        Assert.DoesNotContain(member.Credentials.SessionToken!, text);
    }

    [Fact]
    public async Task A_member_account_may_describe_the_organisation_and_nothing_more()
    {
        var member = await fixture.InMemberAsync(1);
        var org = (await member.OkAsync("organizations", "describe-organization")).GetProperty("Organization");
        Assert.Equal(fixture.Management, org.GetProperty("MasterAccountId").GetString());
        await member.FailsWithAsync("AccessDeniedException", "organizations", "list-accounts");
        await member.FailsWithAsync("AccessDeniedException", "organizations", "create-policy", "--name", "x", "--description", "x",
            "--type", "SERVICE_CONTROL_POLICY", "--content", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""");
    }

    [Fact]
    public async Task A_policy_is_created_attached_and_detached_and_AWS_refusals_are_answered_as_AWS_answers_them()
    {
        const string deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*"}]}""";
        var name = fixture.Unique("no-run");
        var created = (await Cli.OkAsync("organizations", "create-policy", "--name", name, "--description", "no new instances",
            "--type", "SERVICE_CONTROL_POLICY", "--content", deny)).GetProperty("Policy");
        var id = created.GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        Assert.Matches("^p-[a-z0-9]{8}$", id);
        Assert.Equal(deny, created.GetProperty("Content").GetString());

        await Cli.FailsWithAsync("DuplicatePolicyException", "organizations", "create-policy", "--name", name, "--description", "again",
            "--type", "SERVICE_CONTROL_POLICY", "--content", deny);
        await Cli.FailsWithAsync("MalformedPolicyDocumentException", "organizations", "create-policy", "--name", fixture.Unique("bad"),
            "--description", "", "--type", "SERVICE_CONTROL_POLICY", "--content", "{\"Statement\":");
        var big = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:RunInstances","Resource":"*","Sid":"S""" + new string('x', 5200) + "\"}]}";
        await Cli.FailsWithAsync("ConstraintViolationException", "organizations", "create-policy", "--name", fixture.Unique("big"),
            "--description", "", "--type", "SERVICE_CONTROL_POLICY", "--content", big);

        await Cli.OkAsync("organizations", "attach-policy", "--policy-id", id, "--target-id", fixture.Member(3));
        await Cli.FailsWithAsync("DuplicatePolicyAttachmentException", "organizations", "attach-policy", "--policy-id", id, "--target-id", fixture.Member(3));
        Assert.Equal(["p-FullAWSAccess", id], Ids(await Cli.OkAsync("organizations", "list-policies-for-target",
            "--target-id", fixture.Member(3), "--filter", "SERVICE_CONTROL_POLICY"), "Policies"));
        await Cli.FailsWithAsync("TargetNotFoundException", "organizations", "attach-policy", "--policy-id", id, "--target-id", "999999999999");
        await Cli.FailsWithAsync("PolicyNotFoundException", "organizations", "describe-policy", "--policy-id", "p-00000000");
        await Cli.FailsWithAsync("PolicyNotAttachedException", "organizations", "detach-policy", "--policy-id", id, "--target-id", fixture.Member(1));

        // UpdatePolicy replaces the content (checked as on creation); the attachment stays.
        const string deniesNothing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"ec2:RunInstances\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"2000-01-01T00:00:00Z\"}}}]}";
        var updated = (await Cli.OkAsync("organizations", "update-policy", "--policy-id", id, "--content", deniesNothing)).GetProperty("Policy");
        Assert.Equal(deniesNothing, updated.GetProperty("Content").GetString());
        Assert.Equal(name, updated.GetProperty("PolicySummary").GetProperty("Name").GetString());
        await Cli.FailsWithAsync("MalformedPolicyDocumentException", "organizations", "update-policy", "--policy-id", id, "--content", "{\"Statement\":");
        Assert.Contains(id, Ids(await Cli.OkAsync("organizations", "list-policies-for-target",
            "--target-id", fixture.Member(3), "--filter", "SERVICE_CONTROL_POLICY"), "Policies"));

        await Cli.OkAsync("organizations", "detach-policy", "--policy-id", id, "--target-id", fixture.Member(3));
        Assert.Equal(["p-FullAWSAccess"], Ids(await Cli.OkAsync("organizations", "list-policies-for-target",
            "--target-id", fixture.Member(3), "--filter", "SERVICE_CONTROL_POLICY"), "Policies"));
        // Every target keeps at least one SCP: AWS refuses to detach the last.
        await Cli.FailsWithAsync("ConstraintViolationException", "organizations", "detach-policy", "--policy-id", "p-FullAWSAccess",
            "--target-id", fixture.Member(3));
    }
}

/// <summary>An account in no organisation answers every Organizations call with AWSOrganizationsNotInUseException, as AWS does.</summary>
public sealed class StandaloneAccountOrganizationsTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    [Fact]
    public async Task A_standalone_range_is_in_no_organisation_and_throttles_as_Organizations_does()
    {
        await fixture.Cli.FailsWithAsync("AWSOrganizationsNotInUseException", "organizations", "describe-organization");
        fixture.Range.Faults.ThrottleRate = 1;
        try
        {
            // Organizations' model names its throttling TooManyRequestsException, not the JSON services' ThrottlingException.
            await fixture.Cli.FailsWithAsync("TooManyRequestsException", "organizations", "describe-organization");
        }
        finally
        {
            fixture.Range.Faults.ThrottleRate = 0;
        }
    }
}
