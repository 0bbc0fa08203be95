using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Sts;

/// <summary>STS: session, federation and role credentials, and the account behind a key.</summary>
public sealed class TemporaryCredentialsTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task Get_session_token_issues_ASIA_credentials_that_expire()
    {
        var result = await Cli.OkAsync("sts", "get-session-token", "--duration-seconds", "3600");
        var c = result.GetProperty("Credentials");
        Assert.StartsWith("ASIA", c.GetProperty("AccessKeyId").GetString());
        Assert.Equal(40, c.GetProperty("SecretAccessKey").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(c.GetProperty("SessionToken").GetString()));
        var expiration = DateTimeOffset.Parse(c.GetProperty("Expiration").GetString()!);
        Assert.InRange(expiration - fixture.Range.State.Clock.Now, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        var session = result.AsCredentials();
        await Cli.As(session).FailsWithAsync("AccessDenied", "sts", "get-session-token");

        var record = fixture.Range.State.Calls.Last(x => x.EventName == "GetSessionToken" && x.ErrorCode is null);
        Assert.Equal(session.AccessKeyId, record.ResponseElements!["credentials"]!["accessKeyId"]!.GetValue<string>());
        Assert.DoesNotContain(session.SessionToken!, record.ResponseElements.ToJsonString());
        Assert.DoesNotContain(session.SecretAccessKey, record.ResponseElements.ToJsonString());
    }

    [Fact]
    public async Task Federation_token_is_limited_by_its_session_policy()
    {
        var result = await Cli.OkAsync("sts", "get-federation-token", "--name", "contractor",
            "--policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:List*","Resource":"*"}]}""");
        Assert.Equal($"arn:aws:sts::{RangeInfo.DefaultAccountId}:federated-user/contractor",
            result.GetProperty("FederatedUser").GetProperty("Arn").GetString());
        var federated = result.AsCredentials();
        var identity = await Cli.As(federated).OkAsync("sts", "get-caller-identity");
        Assert.Equal($"{RangeInfo.DefaultAccountId}:contractor", identity.GetProperty("UserId").GetString());
        await Cli.As(federated).OkAsync("iam", "list-roles");
        var denied = await Cli.As(federated).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", "x");
        Assert.Contains("no session policy allows", denied.ErrorMessage);

        var bare = (await Cli.OkAsync("sts", "get-federation-token", "--name", "nopolicy")).AsCredentials();
        await Cli.As(bare).FailsWithAsync("AccessDenied", "iam", "list-roles");
    }

    [Fact]
    public async Task Assume_role_checks_the_trust_policy_and_acts_with_the_roles_permissions()
    {
        var role = fixture.Unique("auditor");
        await Cli.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/responder"},"Action":"sts:AssumeRole"}]}""");
        await Cli.OkAsync("iam", "attach-role-policy", "--role-name", role, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        var roleArn = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:role/{role}";

        var assumed = await Cli.OkAsync("sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "ir-1");
        var user = assumed.GetProperty("AssumedRoleUser");
        Assert.Equal($"arn:aws:sts::{RangeInfo.DefaultAccountId}:assumed-role/{role}/ir-1", user.GetProperty("Arn").GetString());
        Assert.EndsWith(":ir-1", user.GetProperty("AssumedRoleId").GetString());
        var session = assumed.AsCredentials();
        Assert.Equal(user.GetProperty("Arn").GetString(),
            (await Cli.As(session).OkAsync("sts", "get-caller-identity")).GetProperty("Arn").GetString());
        await Cli.As(session).OkAsync("iam", "list-users", "--max-items", "1");
        var denied = await Cli.As(session).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", "y");
        Assert.Contains($"assumed-role/{role}/ir-1 is not authorized to perform: iam:CreateUser", denied.ErrorMessage);

        var other = await Cli.CreateUserWithKeyAsync(fixture.Unique("outsider"), AwsManagedPolicies.AdministratorAccessArn);
        await Cli.As(other).FailsWithAsync("AccessDenied", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "xy");
        await Cli.FailsWithAsync("ValidationError", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "xy",
            "--duration-seconds", "7200");

        Assert.NotNull((await Cli.OkAsync("iam", "get-role", "--role-name", role)).GetProperty("Role").GetProperty("RoleLastUsed")
            .GetProperty("LastUsedDate").GetString());
    }

    [Fact]
    public async Task Access_key_info_names_the_account()
    {
        var info = await Cli.OkAsync("sts", "get-access-key-info", "--access-key-id", fixture.Range.Responder.AccessKeyId);
        Assert.Equal(RangeInfo.DefaultAccountId, info.GetProperty("Account").GetString());
        // Keys of other accounts: the account id is encoded in the key id (bits 1..40 of the base32 payload,
        // as published); cross-checked with an independent Python decoding.
        var foreign = await Cli.OkAsync("sts", "get-access-key-info", "--access-key-id", "AKIAQYLPMN5HHHFPZAM2");
        Assert.Equal("052310077262", foreign.GetProperty("Account").GetString());
    }

    [Fact]
    public async Task Keys_the_range_issues_encode_its_account_as_AWS_keys_do_so_a_typo_near_the_end_keeps_the_account()
    {
        var session = (await Cli.OkAsync("sts", "get-session-token")).GetProperty("Credentials").GetProperty("AccessKeyId").GetString()!;
        foreach (var (key, account) in new[]
                 {
                     (fixture.Range.Responder.AccessKeyId, RangeInfo.DefaultAccountId), (session, RangeInfo.DefaultAccountId),
                     (IamIds.AccessKeyId("210987654321"), "210987654321"), (IamIds.TemporaryAccessKeyId("000000000042"), "000000000042"),
                 })
        {
            Assert.Equal(account, Shodo.Range.Services.Sts.GetAccessKeyInfo.Decode(key));
            var typo = key[..^1] + (key[^1] == 'A' ? 'B' : 'A'); // a key no one has: answered by decoding, as AWS does
            var info = await Cli.OkAsync("sts", "get-access-key-info", "--access-key-id", typo);
            Assert.Equal(account, info.GetProperty("Account").GetString());
        }
    }
}
