using System.Globalization;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Auth;

/// <summary>
/// Containment by policy, as AWS evaluates it: an explicit Deny on a user reaches the sessions it
/// minted before; aws:TokenIssueTime exists only for temporary credentials, so a plain DateLessThan
/// on it spares the long-term key (deactivate the key for that), while DateLessThanIfExists does not.
/// </summary>
public sealed class DenyPolicyTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private string RevokeOlderSessions(string condition)
    {
        var now = fixture.Range.State.Clock.Now.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"," +
               "\"Condition\":{\"" + condition + "\":{\"aws:TokenIssueTime\":\"" + now + "\"}}}]}";
    }

    [Fact]
    public async Task Deny_on_token_issue_time_reaches_sessions_minted_before_but_not_the_long_term_key()
    {
        var name = fixture.Unique("victim");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        var session = (await Cli.As(key).OkAsync("sts", "get-session-token")).AsCredentials();
        await Cli.As(session).OkAsync("iam", "list-users", "--max-items", "1");

        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "revoke-older-sessions",
            "--policy-document", RevokeOlderSessions("DateLessThan"));
        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(2));

        var denied = await Cli.As(session).FailsWithAsync("AccessDenied", "iam", "list-users");
        Assert.Contains($"user/{name} is not authorized to perform: iam:ListUsers", denied.ErrorMessage);
        Assert.Contains("explicit deny", denied.ErrorMessage);
        // GetCallerIdentity cannot be denied, as on AWS.
        await Cli.As(session).OkAsync("sts", "get-caller-identity");
        // The key has no aws:TokenIssueTime: the condition does not match and the key still works.
        await Cli.As(key).OkAsync("iam", "list-users", "--max-items", "1");
        // A session minted after the cut-off works.
        var fresh = (await Cli.As(key).OkAsync("sts", "get-session-token")).AsCredentials();
        await Cli.As(fresh).OkAsync("iam", "list-users", "--max-items", "1");

        var record = fixture.Range.State.Calls.Last(c => c.ErrorCode == "AccessDenied");
        Assert.Equal(session.AccessKeyId, record.Caller?.AccessKeyId);
        Assert.Equal(name, record.Caller?.SourceUserName);
    }

    [Fact]
    public async Task Deny_if_exists_on_token_issue_time_stops_the_key_and_its_sessions()
    {
        var name = fixture.Unique("victim");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        var session = (await Cli.As(key).OkAsync("sts", "get-session-token")).AsCredentials();
        var federated = (await Cli.As(key).OkAsync("sts", "get-federation-token", "--name", "fed",
            "--policy", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")).AsCredentials();
        await Cli.As(federated).OkAsync("iam", "list-users", "--max-items", "1");

        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-all",
            "--policy-document", RevokeOlderSessions("DateLessThanIfExists"));
        fixture.Range.State.Clock.Advance(TimeSpan.FromSeconds(2));

        var keyDenied = await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", "backdoor");
        Assert.Contains($"iam:CreateUser on resource: arn:aws:iam::{RangeInfo.DefaultAccountId}:user/backdoor", keyDenied.ErrorMessage);
        await Cli.As(session).FailsWithAsync("AccessDenied", "iam", "list-users");
        await Cli.As(federated).FailsWithAsync("AccessDenied", "iam", "list-users");
    }

    [Fact]
    public async Task Quarantine_policy_denies_its_actions_and_leaves_others()
    {
        var name = fixture.Unique("quarantined");
        var key = await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", name, "--policy-arn", AwsManagedPolicies.QuarantineV3Arn);

        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", fixture.Unique("backdoor"));
        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-users");
        // No identity policy controls GetSessionToken (AWS: "you cannot use policies to control authentication
        // operations"): the key mints a session, and the quarantine reaches what that session may do.
        var session = (await Cli.As(key).OkAsync("sts", "get-session-token")).AsCredentials();
        await Cli.As(session).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", fixture.Unique("backdoor"));
        await Cli.As(key).OkAsync("iam", "list-roles");
    }

    [Fact]
    public async Task Without_any_policy_the_default_is_deny_and_read_only_allows_reads_only()
    {
        var name = fixture.Unique("nobody");
        var key = await Cli.CreateUserWithKeyAsync(name);
        var denied = await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "list-users");
        Assert.Contains("because no identity-based policy allows the iam:ListUsers action", denied.ErrorMessage);

        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", name, "--policy-arn", AwsManagedPolicies.ReadOnlyAccessArn);
        await Cli.As(key).OkAsync("iam", "list-users", "--max-items", "1");
        await Cli.As(key).FailsWithAsync("AccessDenied", "iam", "create-user", "--user-name", fixture.Unique("x"));
    }
}
