using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Sts;

/// <summary>
/// A break-glass responder role as people really set it up: its trust policy requires an external id or MFA, and
/// AssumeRole is refused (AccessDenied, HTTP 403, as AWS answers) unless the request carries them — the AWS CLI's
/// --external-id, --serial-number and --token-code.
/// </summary>
public sealed class AssumeRoleConditionsTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private async Task<string> RoleAsync(string condition)
    {
        var role = fixture.Unique("break-glass");
        await Cli.OkAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + RangeInfo.DefaultAccountId +
            ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":" + condition + "}]}");
        return $"arn:aws:iam::{RangeInfo.DefaultAccountId}:role/{role}";
    }

    [Fact]
    public async Task An_external_id_in_the_trust_policy_must_be_given_and_match()
    {
        var role = await RoleAsync("""{"StringEquals":{"sts:ExternalId":"shodo-ir-7f3a"}}""");
        var denied = await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", role, "--role-session-name", "ir");
        Assert.Contains("is not authorized to perform: sts:AssumeRole", denied.ErrorMessage);
        await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", role, "--role-session-name", "ir",
            "--external-id", "guessed");
        var ok = await Cli.OkAsync("sts", "assume-role", "--role-arn", role, "--role-session-name", "ir", "--external-id", "shodo-ir-7f3a");
        Assert.StartsWith("ASIA", ok.GetProperty("Credentials").GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task Multi_factor_auth_in_the_trust_policy_needs_the_callers_device_and_a_code()
    {
        var serial = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:mfa/responder-{fixture.Unique("token")}";
        lock (fixture.Range.State.Sync)
            fixture.Range.State.Iam.User(RangeHost.ResponderUserName)!.MfaDevices.Add(new MfaDevice(serial, fixture.Range.State.Clock.Now));
        var role = await RoleAsync("""{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");

        await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", role, "--role-session-name", "ir");
        var bad = await Cli.FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", role, "--role-session-name", "ir",
            "--serial-number", $"arn:aws:iam::{RangeInfo.DefaultAccountId}:mfa/someone-else", "--token-code", "123456");
        Assert.Contains("MultiFactorAuthentication failed", bad.ErrorMessage);
        var assumed = (await Cli.OkAsync("sts", "assume-role", "--role-arn", role, "--role-session-name", "ir",
            "--serial-number", serial, "--token-code", "123456")).AsCredentials();
        await Cli.As(assumed).OkAsync("sts", "get-caller-identity");

        // A session minted with MFA carries it: it may assume the role without a new code; one minted without may not.
        var withMfa = (await Cli.OkAsync("sts", "get-session-token", "--serial-number", serial, "--token-code", "654321")).AsCredentials();
        await Cli.As(withMfa).OkAsync("sts", "assume-role", "--role-arn", role, "--role-session-name", "ir2");
        var without = (await Cli.OkAsync("sts", "get-session-token")).AsCredentials();
        await Cli.As(without).FailsWithStatusAsync("AccessDenied", 403, "sts", "assume-role", "--role-arn", role, "--role-session-name", "ir3");
    }
}
