using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Auth;

/// <summary>
/// The range's console sign-in (POST /_range/console-sign-in): a user with a login profile gets a console session,
/// which the real AWS CLI can use; the session carries the user's policies like any session; a password that must be
/// reset needs iam:ChangePassword, so a Deny on the user refuses the sign-in itself. Each try is a ConsoleLogin event.
/// </summary>
public sealed class ConsoleSignInTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private const string DenyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";

    private async Task<(HttpStatusCode Status, JsonObject Body)> SignInAsync(string user)
    {
        using var http = new HttpClient { BaseAddress = fixture.Range.Url };
        var response = await http.PostAsJsonAsync("/_range/console-sign-in", new { userName = user });
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static RangeCredentials Credentials(JsonObject body) =>
        new((string)body["accessKeyId"]!, (string)body["secretAccessKey"]!, (string)body["sessionToken"]!);

    [Fact]
    public async Task A_console_session_acts_as_the_user_until_a_deny_on_the_user_stops_it()
    {
        var name = fixture.Unique("console");
        await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "create-login-profile", "--user-name", name, "--password", "Attacker!Chosen#1");

        var (status, body) = await SignInAsync(name);
        Assert.Equal(HttpStatusCode.OK, status);
        var console = Credentials(body);
        var who = await Cli.As(console).OkAsync("sts", "get-caller-identity");
        Assert.EndsWith($":user/{name}", who.GetProperty("Arn").GetString());
        await Cli.As(console).OkAsync("ec2", "describe-instances");

        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-all", "--policy-document", DenyAll);
        await Cli.As(console).FailsWithStatusAsync("UnauthorizedOperation", 403, "ec2", "describe-instances");
        // A fresh sign-in after the deny is a session like any other: denied too.
        var (_, again) = await SignInAsync(name);
        await Cli.As(Credentials(again)).FailsWithStatusAsync("UnauthorizedOperation", 403, "ec2", "describe-instances");

        var login = fixture.Range.State.Calls.Last(c => c.EventName == "ConsoleLogin");
        Assert.Equal("signin.amazonaws.com", login.EventSource);
        Assert.Equal("Success", (string?)login.ResponseElements!["ConsoleLogin"]);
    }

    [Fact]
    public async Task A_required_password_reset_under_a_deny_refuses_the_sign_in_and_keeps_the_login_profile()
    {
        var name = fixture.Unique("console");
        await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        await Cli.OkAsync("iam", "create-login-profile", "--user-name", name, "--password", "Attacker!Chosen#1");
        await Cli.OkAsync("iam", "update-login-profile", "--user-name", name, "--password-reset-required");
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", name, "--policy-name", "deny-all", "--policy-document", DenyAll);

        var (status, body) = await SignInAsync(name);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("iam:ChangePassword", (string?)body["error"]);
        var login = fixture.Range.State.Calls.Last(c => c.EventName == "ConsoleLogin");
        Assert.Equal("Failure", (string?)login.ResponseElements!["ConsoleLogin"]);

        var profile = (await Cli.OkAsync("iam", "get-login-profile", "--user-name", name)).GetProperty("LoginProfile");
        Assert.True(profile.GetProperty("PasswordResetRequired").GetBoolean());
    }

    [Fact]
    public async Task Without_a_login_profile_there_is_no_console_sign_in()
    {
        var name = fixture.Unique("nologin");
        await Cli.CreateUserWithKeyAsync(name, AwsManagedPolicies.AdministratorAccessArn);
        var (status, body) = await SignInAsync(name);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("login profile", (string?)body["error"]);
    }
}
