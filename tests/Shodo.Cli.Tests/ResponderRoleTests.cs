using Shodo.Range;
using Shodo.Range.State.Iam;

namespace Shodo.Cli.Tests;

/// <summary>
/// Assuming a break-glass responder role as people do (issue 19, item 5), against the range's STS, which checks the
/// trust policy's external id and aws:MultiFactorAuthPresent as AWS does: --external-id, --mfa-serial with --mfa-token
/// (or a prompt), --role-session-name, --duration; a refusal or a missing code is one sentence saying what to pass.
/// </summary>
public sealed class ResponderRoleTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private string _role = "", _serial = "";

    private IReadOnlyDictionary<string, string?> Keys => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
    };

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        var account = _range.State.AccountId;
        _serial = $"arn:aws:iam::{account}:mfa/responder";
        _role = $"arn:aws:iam::{account}:role/BreakGlassResponder";
        lock (_range.State.Sync)
        {
            _range.State.Iam.User(RangeHost.ResponderUserName)!.MfaDevices.Add(new MfaDevice(_serial, _range.State.Clock.Now));
            _range.State.Iam.Roles["BreakGlassResponder"] = new IamRole
            {
                RoleName = "BreakGlassResponder", RoleId = "AROABREAKGLASS0000001", Arn = _role, CreateDate = _range.State.Clock.Now,
                MaxSessionDuration = 43200,
                AssumeRolePolicyDocument = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + account +
                    ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"ir-7f3a\"}," +
                    "\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}",
                AttachedPolicyArns = [AwsManagedPolicies.ReadOnlyAccessArn],
            };
        }
    }

    public async Task DisposeAsync() => await _range.DisposeAsync();

    private Task<CliRun> WhoamiAsync(params string[] extra) =>
        CliRun.Invoke(Keys, ["whoami", "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1", "--role-arn", _role, .. extra]);

    [Fact]
    public async Task With_the_external_id_and_an_mfa_code_the_role_is_assumed_under_the_session_name_for_the_duration()
    {
        var run = await WhoamiAsync("--external-id", "ir-7f3a", "--mfa-serial", _serial, "--mfa-token", "123456",
            "--role-session-name", "night-shift", "--duration", "1h", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("assumed-role/BreakGlassResponder/night-shift", run.Out);
        lock (_range.State.Sync)
        {
            var session = _range.State.Iam.Sessions.Values.Single(s => s.SessionName == "night-shift");
            Assert.Equal(TimeSpan.FromHours(1), session.Expiration - session.IssuedAt);
            Assert.True(session.MfaAuthenticated);
        }
    }

    [Fact]
    public async Task Without_the_external_id_or_mfa_aws_refuses_and_shodo_says_what_to_pass()
    {
        var run = await WhoamiAsync("--mfa-serial", _serial, "--mfa-token", "123456");
        Assert.Equal(5, run.ExitCode);
        Assert.Contains("--external-id", run.Error);
        Assert.Contains(_role, run.Error);
        Assert.DoesNotContain("   at ", run.Error);

        var noMfa = await WhoamiAsync("--external-id", "ir-7f3a");
        Assert.Equal(5, noMfa.ExitCode);
        Assert.Contains("--mfa-serial", noMfa.Error);
    }

    [Fact]
    public async Task An_mfa_device_with_no_code_and_no_terminal_to_ask_is_a_usage_error()
    {
        var run = await WhoamiAsync("--external-id", "ir-7f3a", "--mfa-serial", _serial);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--mfa-token", run.Error);
        Assert.Contains(_serial, run.Error);
    }

    [Theory]
    [InlineData("--duration", "5m")]
    [InlineData("--duration", "13h")]
    [InlineData("--mfa-token", "12345")]
    [InlineData("--role-session-name", "has space")]
    public async Task Bad_role_option_values_are_usage_errors_before_aws_is_called(string option, string value)
    {
        var before = _range.State.Calls.Count;
        var run = await WhoamiAsync(option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.Equal(before, _range.State.Calls.Count);
    }

    [Fact]
    public async Task A_role_option_without_a_role_is_a_usage_error()
    {
        var run = await CliRun.Invoke(Keys, "whoami", "--endpoint-url", _range.Url.ToString(), "--external-id", "ir-7f3a");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--role-arn", run.Error);
    }

    [Fact]
    public async Task A_profile_with_mfa_serial_and_no_code_says_so_instead_of_no_credentials()
    {
        var dir = Directory.CreateTempSubdirectory("shodo-mfa-profile").FullName;
        try
        {
            var file = Path.Combine(dir, "credentials");
            await File.WriteAllTextAsync(file,
                $"[base]\naws_access_key_id = {_range.Responder.AccessKeyId}\naws_secret_access_key = {_range.Responder.SecretAccessKey}\n\n" +
                $"[breakglass]\nrole_arn = {_role}\nsource_profile = base\nmfa_serial = {_serial}\nexternal_id = ir-7f3a\n");
            var run = await CliRun.Invoke(new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = file },
                "whoami", "--profile", "breakglass", "--endpoint-url", _range.Url.ToString());
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(_serial, run.Error);
            Assert.Contains("--mfa-token", run.Error);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
