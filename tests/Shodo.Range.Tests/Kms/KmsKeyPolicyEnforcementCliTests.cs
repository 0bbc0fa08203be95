using Shodo.Range.Tests.Infrastructure;
using Shodo.Range.Tests.Organizations;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Kms;

/// <summary>
/// Key policies enforced as KMS enforces them, through the real AWS CLI in an organisation of the range: a principal of
/// another account reaches a key (by its ARN, for the operations KMS allows across accounts) only when the key policy names
/// its account (or it) and its own IAM policy allows the call too; in the key's own account the default policy's root
/// delegation leaves it to IAM as before, a policy without it admits only whom it names, and an explicit Deny refuses.
/// </summary>
public sealed class KmsKeyPolicyEnforcementCliTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private const string Region = "eu-central-1";
    private AwsCli Cli => fixture.Cli.InRegion(Region);

    private async Task<string> KeyAsync() =>
        (await Cli.OkAsync("kms", "create-key", "--description", fixture.Unique("shared-backups"))).GetProperty("KeyMetadata").Str("Arn");

    private string Policy(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{fixture.Management}}:root"},"Action":"kms:*","Resource":"*"}{{string.Concat(statements.Select(s => "," + s))}}]}""";

    [Fact]
    public async Task Another_account_uses_the_key_only_once_the_key_policy_names_it_and_only_as_its_own_IAM_allows()
    {
        var arn = await KeyAsync();
        var member = (await fixture.InMemberAsync(1)).InRegion(Region);
        var denied = await member.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
        Assert.Contains("no resource-based policy allows the kms:DescribeKey action", denied.ErrorMessage);

        await Cli.OkAsync("kms", "put-key-policy", "--key-id", arn, "--policy-name", "default", "--policy", Policy(
            $$"""{"Sid":"partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{fixture.Member(1)}}:root"},"Action":["kms:DescribeKey","kms:CreateGrant","kms:ListGrants"],"Resource":"*"}"""));
        var described = (await member.OkAsync("kms", "describe-key", "--key-id", arn)).GetProperty("KeyMetadata");
        Assert.Equal((fixture.Management, arn), (described.Str("AWSAccountId"), described.Str("Arn")));
        await member.OkAsync("kms", "create-grant", "--key-id", arn, "--grantee-principal", $"arn:aws:iam::{fixture.Member(1)}:root",
            "--operations", "Decrypt");
        lock (fixture.Range.State.Sync)
        {
            // Recorded in the key's account as well, the caller an AWSAccount there.
            Assert.Contains(fixture.Range.State.Calls, c => c.EventName == "CreateGrant" && c.Caller?.AccountId == fixture.Member(1)
                                                             && c.Caller.Type == "AWSAccount" && c.ErrorCode is null);
        }
        // Not an operation KMS serves across accounts: the ARN of another account's key names nothing here.
        await member.FailsWithAsync("NotFoundException", "kms", "get-key-policy", "--key-id", arn, "--policy-name", "default");
        // Another member the policy does not name stays out.
        var other = (await fixture.InMemberAsync(2)).InRegion(Region);
        await other.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);

        // A user of the named account without an IAM policy allowing it is refused by its own account's IAM.
        var user = fixture.Unique("no-kms");
        await member.OkAsync("iam", "create-user", "--user-name", user);
        var key = (await member.OkAsync("iam", "create-access-key", "--user-name", user)).GetProperty("AccessKey");
        var bare = member.As(new RangeCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")));
        await bare.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
        await member.OkAsync("iam", "put-user-policy", "--user-name", user, "--policy-name", "kms-describe", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:DescribeKey","Resource":"*"}]}""");
        await bare.OkAsync("kms", "describe-key", "--key-id", arn);
    }

    [Fact]
    public async Task In_its_own_account_a_key_without_the_root_delegation_admits_only_whom_it_names_and_a_Deny_refuses()
    {
        var arn = await KeyAsync();
        var me = (await Cli.OkAsync("sts", "get-caller-identity")).Str("Arn");
        // The default policy delegates to IAM: the responder, allowed by IAM, may use the key.
        await Cli.OkAsync("kms", "describe-key", "--key-id", arn);

        var onlyMe = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{me}}"},"Action":"kms:*","Resource":"*"}]}""";
        await Cli.OkAsync("kms", "put-key-policy", "--key-id", arn, "--policy-name", "default", "--policy", onlyMe);
        await Cli.OkAsync("kms", "describe-key", "--key-id", arn);
        // A principal of the account that the policy does not name: IAM's Allow is not enough without the root delegation.
        var user = fixture.Unique("admin");
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", "arn:aws:iam::aws:policy/AdministratorAccess");
        var key = (await Cli.OkAsync("iam", "create-access-key", "--user-name", user)).GetProperty("AccessKey");
        var other = Cli.As(new RangeCredentials(key.Str("AccessKeyId"), key.Str("SecretAccessKey")));
        await other.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);

        await Cli.OkAsync("kms", "put-key-policy", "--key-id", arn, "--policy-name", "default", "--policy", Policy(
            $$"""{"Sid":"no-describe","Effect":"Deny","Principal":{"AWS":"{{me}}"},"Action":"kms:Describe*","Resource":"*"}"""));
        await other.OkAsync("kms", "describe-key", "--key-id", arn);
        var refused = await Cli.FailsWithAsync("AccessDeniedException", "kms", "describe-key", "--key-id", arn);
        Assert.Contains("explicit deny in a resource-based policy", refused.ErrorMessage);
    }
}
