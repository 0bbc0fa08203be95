using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Sts;

/// <summary>
/// sts:GetSessionToken is an authentication operation no identity policy controls, as on AWS: a key that is still
/// Active mints a session whatever Deny stands on its user. What stops the session is a Deny that is not limited to
/// credentials issued before a time, or the key being Inactive (InvalidClientTokenId, 403).
/// </summary>
public sealed class SessionTokenPolicyTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    [Fact]
    public async Task A_deny_on_the_user_does_not_stop_get_session_token_but_stops_every_session_it_mints()
    {
        var name = fixture.Unique("leaked");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-all", "--policy-document", DenyAll);

        // Even a Deny naming sts:GetSessionToken itself does not: AWS ignores it for this operation.
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-gst", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:GetSessionToken","Resource":"*"}]}""");
        var minted = await Cli.As(key).OkAsync("sts", "get-session-token", "--duration-seconds", "129600");
        var session = minted.AsCredentials();
        Assert.StartsWith("ASIA", session.AccessKeyId);

        var denied = await Cli.As(session).FailsWithStatusAsync("UnauthorizedOperation", 403, "ec2", "describe-instances");
        Assert.Contains("explicit deny", denied.Stderr);
        var iamDenied = await Cli.As(key).FailsWithStatusAsync("AccessDenied", 403, "iam", "list-users");
        Assert.Contains("explicit deny", iamDenied.ErrorMessage);
    }

    [Fact]
    public async Task A_deny_limited_to_tokens_issued_before_a_cut_off_lets_a_session_minted_after_it_act()
    {
        var name = fixture.Unique("leaked");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        var cutOff = fixture.Range.State.Clock.Now.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "revoke-older", "--policy-document",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"," +
            "\"Condition\":{\"DateLessThanIfExists\":{\"aws:TokenIssueTime\":\"" + cutOff + "\"}}}]}");
        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(5));

        await Cli.As(key).FailsWithStatusAsync("AccessDenied", 403, "iam", "list-users");
        // The key is denied everything but can still mint a session after the cut-off, and that session acts.
        var after = (await Cli.As(key).OkAsync("sts", "get-session-token")).AsCredentials();
        await Cli.As(after).OkAsync("ec2", "describe-instances");
    }

    [Fact]
    public async Task An_inactive_key_mints_nothing()
    {
        var name = fixture.Unique("leaked");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "update-access-key", "--user-name", name, "--access-key-id", key.AccessKeyId, "--status", "Inactive");
        await Cli.As(key).FailsWithStatusAsync("InvalidClientTokenId", 403, "sts", "get-session-token");
    }
}
