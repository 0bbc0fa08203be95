using Shodo.Range.Tests.Infrastructure;
using Shodo.Range.Tests.Organizations;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Kms;

/// <summary>
/// Key policy statements with a Condition, through the real AWS CLI in an organisation of the range: a statement applies
/// only when its condition holds on the keys the range can decide — aws:PrincipalOrgID, kms:CallerAccount, aws:PrincipalArn
/// for an Allow to everyone, kms:GrantIsForAWSResource and kms:ViaService for a Deny of direct use — and an AWS managed key's
/// policy (its use held to kms:ViaService) lets no principal change it or grant it away directly.
/// </summary>
public sealed class KmsKeyPolicyConditionsCliTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private const string Region = "eu-west-3";
    private AwsCli Cli => fixture.Cli.InRegion(Region);

    private async Task<string> KeyAsync() =>
        (await Cli.OkAsync("kms", "create-key", "--description", fixture.Unique("conditioned"))).GetProperty("KeyMetadata").Str("Arn");

    private string Policy(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{fixture.Management}}:root"},"Action":"kms:*","Resource":"*"}{{string.Concat(statements.Select(s => "," + s))}}]}""";

    private static string Everyone(string action, string condition) =>
        $$"""{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"{{action}}","Resource":"*","Condition":{{condition}}}""";

    private Task PutAsync(string arn, string policy) =>
        Cli.OkAsync("kms", "put-key-policy", "--key-id", arn, "--policy-name", "default", "--policy", policy);

    [Fact]
    public async Task An_Allow_to_everyone_admits_another_account_only_while_its_condition_holds()
    {
        var arn = await KeyAsync();
        var member = (await fixture.InMemberAsync(1)).InRegion(Region);
        var other = (await fixture.InMemberAsync(2)).InRegion(Region);
        string organization;
        lock (fixture.Range.State.Sync) organization = fixture.Range.State.Organization!.Id;

        // The organisation's principals, and only them.
        await PutAsync(arn, Policy(Everyone("kms:DescribeKey", $$$"""{"StringEquals":{"aws:PrincipalOrgID":"{{{organization}}}"}}""")));
        await member.OkAsync("kms", "describe-key", "--key-id", arn);
        await other.OkAsync("kms", "describe-key", "--key-id", arn);
        await PutAsync(arn, Policy(Everyone("kms:DescribeKey", """{"StringEquals":{"aws:PrincipalOrgID":"o-someoneelse"}}""")));
        var denied = await member.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
        Assert.Contains("no resource-based policy allows the kms:DescribeKey action", denied.ErrorMessage);

        // One account by kms:CallerAccount: the other member stays out.
        await PutAsync(arn, Policy(Everyone("kms:DescribeKey", $$$"""{"StringEquals":{"kms:CallerAccount":"{{{fixture.Member(1)}}}"}}""")));
        await member.OkAsync("kms", "describe-key", "--key-id", arn);
        await other.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);

        // One role by aws:PrincipalArn: the role's ARN, not its session's.
        await PutAsync(arn, Policy(Everyone("kms:DescribeKey", $$$"""{"ArnEquals":{"aws:PrincipalArn":"{{{fixture.AccessRole(2)}}}"}}""")));
        await other.OkAsync("kms", "describe-key", "--key-id", arn);
        await member.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);

        // aws:PrincipalAccount held to another account: the Allow does not apply to this one.
        await PutAsync(arn, Policy(Everyone("kms:DescribeKey", $$$"""{"StringEquals":{"aws:PrincipalAccount":"{{{fixture.Member(3)}}}"}}""")));
        await member.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
    }

    [Fact]
    public async Task A_Deny_held_to_direct_use_refuses_the_principals_own_calls_and_leaves_the_rest_to_the_root_delegation()
    {
        var arn = await KeyAsync();
        const string outsider = "arn:aws:iam::999988887777:root";
        await PutAsync(arn, Policy(
            """{"Sid":"grants only for AWS resources","Effect":"Deny","Principal":{"AWS":"*"},"Action":"kms:CreateGrant","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":"false"}}}"""));
        var refused = await Cli.FailsWithAsync("AccessDeniedException", "kms", "create-grant", "--key-id", arn, "--grantee-principal", outsider,
            "--operations", "Decrypt");
        Assert.Contains("explicit deny in a resource-based policy", refused.ErrorMessage);
        // The Deny names CreateGrant only; the default delegation still lets IAM allow the rest.
        await Cli.OkAsync("kms", "describe-key", "--key-id", arn);
        await Cli.OkAsync("kms", "list-grants", "--key-id", arn);

        await PutAsync(arn, Policy(
            $$$$"""{"Sid":"only through EBS","Effect":"Deny","Principal":{"AWS":"*"},"Action":"kms:Describe*","Resource":"*","Condition":{"StringNotEquals":{"kms:ViaService":"ec2.{{{{Region}}}}.amazonaws.com"}}}"""));
        await Cli.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
        // Once the condition names this account's own callers out, the Deny no longer applies to them.
        await PutAsync(arn, Policy(
            $$$$"""{"Sid":"outsiders only through EBS","Effect":"Deny","Principal":{"AWS":"*"},"Action":"kms:Describe*","Resource":"*","Condition":{"StringNotEquals":{"kms:ViaService":"ec2.{{{{Region}}}}.amazonaws.com","kms:CallerAccount":"{{{{fixture.Management}}}}"}}}"""));
        await Cli.OkAsync("kms", "describe-key", "--key-id", arn);
        await Cli.OkAsync("kms", "create-grant", "--key-id", arn, "--grantee-principal", outsider, "--operations", "Decrypt");
    }

    [Fact]
    public async Task An_AWS_managed_key_is_read_but_neither_its_policy_nor_its_state_changed_nor_granted_away_directly()
    {
        string arn, before;
        lock (fixture.Range.State.Sync)
        {
            var key = fixture.Range.State.AwsManagedKey(Region, "aws/ebs");
            (arn, before) = (key.Arn, key.Policy);
        }
        Assert.Equal("AWS", (await Cli.OkAsync("kms", "describe-key", "--key-id", arn)).GetProperty("KeyMetadata").Str("KeyManager"));
        Assert.Equal(before, (await Cli.OkAsync("kms", "get-key-policy", "--key-id", arn, "--policy-name", "default")).Str("Policy"));
        await Cli.OkAsync("kms", "list-grants", "--key-id", arn);

        // Its use is held to kms:ViaService ec2 and kms:CallerAccount: a grant the principal asks for itself is refused.
        var grant = await Cli.FailsWithAsync("AccessDeniedException", "kms", "create-grant", "--key-id", arn,
            "--grantee-principal", "arn:aws:iam::444455556666:root", "--operations", "Decrypt");
        Assert.Contains("no resource-based policy allows the kms:CreateGrant action", grant.ErrorMessage);
        var put = await Cli.FailsWithAsync("AccessDeniedException", "kms", "put-key-policy", "--key-id", arn, "--policy-name", "default",
            "--policy", Policy(Everyone("kms:Decrypt", """{"StringEquals":{"kms:CallerAccount":"444455556666"}}""")));
        Assert.Contains("no resource-based policy allows the kms:PutKeyPolicy action", put.ErrorMessage);
        // Nor is its state: disabling it or scheduling its deletion is refused the same way.
        foreach (var change in new[] { "disable-key", "schedule-key-deletion", "enable-key" })
        {
            var refused = await Cli.FailsWithAsync("AccessDeniedException", "kms", change, "--key-id", arn);
            Assert.Contains("no resource-based policy allows the kms:", refused.ErrorMessage);
        }
        lock (fixture.Range.State.Sync)
        {
            var key = fixture.Range.State.AwsManagedKey(Region, "aws/ebs");
            Assert.Equal(before, key.Policy);
            Assert.Equal("Enabled", key.KeyState);
            Assert.Empty(key.Grants);
        }
    }
}
