using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Kms;

/// <summary>
/// KMS on the range through the real AWS CLI: keys with their default policy, grants to an outside account, their
/// CloudTrail events, revoking and retiring them, and the errors KMS answers (botocore's kms model).
/// </summary>
public sealed class KmsCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Outsider = "arn:aws:iam::999988887777:root";

    private async Task<(AwsCli Cli, string KeyId, string Arn)> KeyAsync(string region)
    {
        var cli = fixture.Cli.InRegion(region);
        var created = (await cli.OkAsync("kms", "create-key", "--description", "crm snapshots")).GetProperty("KeyMetadata");
        return (cli, created.Str("KeyId"), created.Str("Arn"));
    }

    [Fact]
    public async Task A_created_key_is_described_listed_in_its_region_only_and_has_the_default_policy_of_the_account_root()
    {
        var (cli, keyId, arn) = await KeyAsync("eu-west-1");
        Assert.Equal($"arn:aws:kms:eu-west-1:{RangeInfo.DefaultAccountId}:key/{keyId}", arn);

        var meta = (await cli.OkAsync("kms", "describe-key", "--key-id", arn)).GetProperty("KeyMetadata");
        Assert.Equal(keyId, meta.Str("KeyId"));
        Assert.Equal("Enabled", meta.Str("KeyState"));
        Assert.True(meta.GetProperty("Enabled").GetBoolean());
        Assert.Equal("ENCRYPT_DECRYPT", meta.Str("KeyUsage"));
        Assert.Equal("SYMMETRIC_DEFAULT", meta.Str("KeySpec"));
        Assert.Equal("CUSTOMER", meta.Str("KeyManager"));
        Assert.Equal("crm snapshots", meta.Str("Description"));
        Assert.Equal(RangeInfo.DefaultAccountId, meta.Str("AWSAccountId"));

        Assert.Contains(keyId, (await cli.OkAsync("kms", "list-keys")).Items("Keys").Select(k => k.Str("KeyId")));
        Assert.DoesNotContain(keyId, (await fixture.Cli.InRegion("us-west-2").OkAsync("kms", "list-keys")).Items("Keys").Select(k => k.Str("KeyId")));
        Assert.Equal("NotFoundException", (await fixture.Cli.InRegion("us-west-2").FailsWithAsync("NotFoundException", "kms", "describe-key", "--key-id", keyId)).ErrorCode);

        var policy = JsonNode.Parse((await cli.OkAsync("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default")).Str("Policy"))!;
        var statement = Assert.Single(policy["Statement"]!.AsArray())!;
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:root", statement["Principal"]!["AWS"]!.GetValue<string>());
        Assert.Equal("kms:*", statement["Action"]!.GetValue<string>());
        await cli.FailsWithAsync("NotFoundException", "kms", "get-key-policy", "--key-id", keyId, "--policy-name", "other");
    }

    [Fact]
    public async Task A_grant_to_an_outside_account_is_listed_recorded_without_its_token_and_gone_once_revoked()
    {
        var (cli, keyId, arn) = await KeyAsync("us-east-2");
        var created = await cli.OkAsync("kms", "create-grant", "--key-id", keyId, "--grantee-principal", Outsider,
            "--operations", "Decrypt", "DescribeKey", "CreateGrant", "--name", "snapshot-copy");
        var grantId = created.Str("GrantId");
        Assert.Equal(64, grantId.Length);
        Assert.False(string.IsNullOrEmpty(created.Str("GrantToken")));

        var grant = (await cli.OkAsync("kms", "list-grants", "--key-id", keyId)).Items("Grants").Single();
        Assert.Equal(grantId, grant.Str("GrantId"));
        Assert.Equal(arn, grant.Str("KeyId"));
        Assert.Equal(Outsider, grant.Str("GranteePrincipal"));
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:root", grant.Str("IssuingAccount"));
        Assert.Equal("snapshot-copy", grant.Str("Name"));
        Assert.Equal(["CreateGrant", "Decrypt", "DescribeKey"], grant.Items("Operations").Select(o => o.GetString()).Order());
        Assert.Empty((await cli.OkAsync("kms", "list-grants", "--key-id", keyId, "--grantee-principal", "arn:aws:iam::111111111111:root")).Items("Grants"));

        var again = await cli.OkAsync("kms", "create-grant", "--key-id", keyId, "--grantee-principal", Outsider,
            "--operations", "DescribeKey", "Decrypt", "CreateGrant", "--name", "snapshot-copy");
        Assert.Equal(grantId, again.Str("GrantId")); // a retry with the same name and parameters is the same grant

        var recorded = fixture.Range.State.Calls.Last(c => c.EventName == "CreateGrant" && c.Region == "us-east-2");
        Assert.Equal("kms.amazonaws.com", recorded.EventSource);
        Assert.Equal(Outsider, recorded.RequestParameters!["granteePrincipal"]!.GetValue<string>());
        Assert.Equal(grantId, recorded.ResponseElements!["grantId"]!.GetValue<string>());
        Assert.Null(recorded.ResponseElements["grantToken"]);

        await cli.OkAsync("kms", "revoke-grant", "--key-id", keyId, "--grant-id", grantId);
        Assert.Empty((await cli.OkAsync("kms", "list-grants", "--key-id", keyId)).Items("Grants"));
        await cli.FailsWithAsync("NotFoundException", "kms", "revoke-grant", "--key-id", keyId, "--grant-id", grantId);
        var revoked = fixture.Range.State.Calls.Where(c => c.EventName == "RevokeGrant" && c.RequestParameters?["grantId"]?.GetValue<string>() == grantId).ToList();
        Assert.Equal([null, "NotFoundException"], revoked.Select(c => c.ErrorCode));
        Assert.False(revoked[0].ReadOnly);
    }

    [Fact]
    public async Task A_grant_is_retired_by_its_token_or_by_key_ARN_and_id_but_not_by_a_bare_key_id()
    {
        var (cli, keyId, arn) = await KeyAsync("ap-northeast-1");
        var byToken = await cli.OkAsync("kms", "create-grant", "--key-id", keyId, "--grantee-principal", Outsider, "--operations", "Decrypt");
        var byId = await cli.OkAsync("kms", "create-grant", "--key-id", arn, "--grantee-principal", Outsider, "--operations", "Encrypt");

        await cli.OkAsync("kms", "retire-grant", "--grant-token", byToken.Str("GrantToken"));
        await cli.FailsWithAsync("InvalidArnException", "kms", "retire-grant", "--key-id", keyId, "--grant-id", byId.Str("GrantId"));
        await cli.OkAsync("kms", "retire-grant", "--key-id", arn, "--grant-id", byId.Str("GrantId"));
        Assert.Empty((await cli.OkAsync("kms", "list-grants", "--key-id", keyId)).Items("Grants"));
        await cli.FailsWithAsync("InvalidGrantTokenException", "kms", "retire-grant", "--grant-token", byToken.Str("GrantToken"));
    }

    [Fact]
    public async Task KMS_refuses_what_AWS_refuses()
    {
        var (cli, keyId, _) = await KeyAsync("us-west-1");
        await cli.FailsWithAsync("NotFoundException", "kms", "describe-key", "--key-id", Guid.NewGuid().ToString());
        await cli.FailsWithAsync("NotFoundException", "kms", "describe-key", "--key-id", "alias/crm");
        await cli.FailsWithAsync("InvalidArnException", "kms", "describe-key", "--key-id", "arn:aws:s3:::bucket");
        await cli.FailsWithAsync("InvalidArnException", "kms", "create-grant", "--key-id", keyId, "--grantee-principal", "bob", "--operations", "Decrypt");
        await cli.FailsWithAsync("ValidationException", "kms", "create-grant", "--key-id", keyId, "--grantee-principal", Outsider, "--operations", "Sign");
        await cli.FailsWithAsync("InvalidGrantIdException", "kms", "list-grants", "--key-id", keyId, "--grant-id", new string('a', 64));
        await cli.FailsWithAsync("MalformedPolicyDocumentException", "kms", "create-key", "--policy", "{not json");
        var lockedOut = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"kms:*","Resource":"*"}]}""";
        await cli.FailsWithAsync("MalformedPolicyDocumentException", "kms", "create-key", "--policy", lockedOut);
        var bypassed = (await cli.OkAsync("kms", "create-key", "--policy", lockedOut, "--bypass-policy-lockout-safety-check")).GetProperty("KeyMetadata");
        lock (fixture.Range.State.Sync) Assert.Contains("999988887777", fixture.Range.State.Kms("us-west-1").Find(bypassed.Str("KeyId"))!.Policy);
        // Locked out, as KMS warns: the policy names only the outsider, so this account (IAM alone) may not even read it.
        await cli.FailsWithAsync("AccessDeniedException", "kms", "get-key-policy", "--key-id", bypassed.Str("KeyId"), "--policy-name", "default");
    }

    [Fact]
    public async Task A_key_policy_put_is_read_back_exactly_recorded_with_the_new_policy_and_refused_as_KMS_refuses()
    {
        var (cli, keyId, arn) = await KeyAsync("sa-east-1");
        var root = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:root";
        var opened = $$"""{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"{{root}}"},"Action":"kms:*","Resource":"*"},{"Sid":"copy","Effect":"Allow","Principal":{"AWS":"{{Outsider}}"},"Action":["kms:Decrypt","kms:CreateGrant","kms:DescribeKey"],"Resource":"*"}]}""";
        await cli.OkAsync("kms", "put-key-policy", "--key-id", arn, "--policy-name", "default", "--policy", opened);
        Assert.Equal(opened, (await cli.OkAsync("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default")).Str("Policy"));

        var recorded = fixture.Range.State.Calls.Last(c => c.EventName == "PutKeyPolicy" && c.Region == "sa-east-1");
        Assert.Equal("kms.amazonaws.com", recorded.EventSource);
        Assert.False(recorded.ReadOnly);
        Assert.Null(recorded.ErrorCode);
        Assert.Equal(opened, recorded.RequestParameters!["policy"]!.GetValue<string>());
        Assert.Equal(arn, recorded.RequestParameters["keyId"]!.GetValue<string>());

        await cli.FailsWithAsync("NotFoundException", "kms", "put-key-policy", "--key-id", keyId, "--policy-name", "other", "--policy", opened);
        await cli.FailsWithAsync("NotFoundException", "kms", "put-key-policy", "--key-id", Guid.NewGuid().ToString(), "--policy-name", "default", "--policy", opened);
        await cli.FailsWithAsync("InvalidArnException", "kms", "put-key-policy", "--key-id", "arn:aws:s3:::bucket", "--policy-name", "default", "--policy", opened);
        await cli.FailsWithAsync("MalformedPolicyDocumentException", "kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", "{not json");
        var noPrincipal = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"},{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";
        await cli.FailsWithAsync("MalformedPolicyDocumentException", "kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", noPrincipal);
        var lockedOut = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{Outsider}}"},"Action":"kms:*","Resource":"*"}]}""";
        await cli.FailsWithAsync("MalformedPolicyDocumentException", "kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", lockedOut);
        Assert.Equal(opened, (await cli.OkAsync("kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default")).Str("Policy"));

        await cli.OkAsync("kms", "put-key-policy", "--key-id", keyId, "--policy-name", "default", "--policy", lockedOut, "--bypass-policy-lockout-safety-check");
        lock (fixture.Range.State.Sync) Assert.Equal(lockedOut, fixture.Range.State.Kms("sa-east-1").Find(keyId)!.Policy);
        // Locked out, as KMS warns: the policy names only the outsider, so this account (IAM alone) may no longer read it.
        await cli.FailsWithAsync("AccessDeniedException", "kms", "get-key-policy", "--key-id", keyId, "--policy-name", "default");
    }
}
