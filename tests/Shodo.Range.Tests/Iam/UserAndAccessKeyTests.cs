using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>Users, tags, access keys and login profiles through the real AWS CLI.</summary>
public sealed class UserAndAccessKeyTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task User_lifecycle_with_tags_and_AWS_errors()
    {
        var name = fixture.Unique("alice");
        var created = await Cli.OkAsync("iam", "create-user", "--user-name", name, "--tags", "Key=team,Value=data");
        var user = created.GetProperty("User");
        Assert.Equal(name, user.GetProperty("UserName").GetString());
        Assert.Equal($"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/{name}", user.GetProperty("Arn").GetString());
        Assert.StartsWith("AIDA", user.GetProperty("UserId").GetString());
        Assert.Equal("/", user.GetProperty("Path").GetString());

        var again = await Cli.FailsWithAsync("EntityAlreadyExists", "iam", "create-user", "--user-name", name);
        Assert.Equal(254, again.ExitCode);

        var got = await Cli.OkAsync("iam", "get-user", "--user-name", name);
        Assert.Equal(user.GetProperty("UserId").GetString(), got.GetProperty("User").GetProperty("UserId").GetString());

        await Cli.OkAsync("iam", "tag-user", "--user-name", name, "--tags", "Key=owner,Value=bob");
        var tags = await Cli.OkAsync("iam", "list-user-tags", "--user-name", name);
        Assert.Equal(["owner=bob", "team=data"], tags.GetProperty("Tags").EnumerateArray()
            .Select(t => $"{t.GetProperty("Key").GetString()}={t.GetProperty("Value").GetString()}").Order().ToArray());

        var users = await Cli.OkAsync("iam", "list-users");
        Assert.Contains(users.GetProperty("Users").EnumerateArray(), u => u.GetProperty("UserName").GetString() == name);

        await Cli.OkAsync("iam", "delete-user", "--user-name", name);
        var missing = await Cli.FailsWithAsync("NoSuchEntity", "iam", "get-user", "--user-name", name);
        Assert.Contains($"The user with name {name} cannot be found.", missing.ErrorMessage);
    }

    [Fact]
    public async Task Get_user_without_a_name_is_the_caller()
    {
        var me = await Cli.OkAsync("iam", "get-user");
        Assert.Equal("responder", me.GetProperty("User").GetProperty("UserName").GetString());
    }

    [Fact]
    public async Task Access_keys_are_limited_to_two_and_their_last_use_is_tracked()
    {
        var name = fixture.Unique("dev");
        await Cli.OkAsync("iam", "create-user", "--user-name", name);
        var first = (await Cli.OkAsync("iam", "create-access-key", "--user-name", name)).GetProperty("AccessKey");
        var keyId = first.GetProperty("AccessKeyId").GetString()!;
        Assert.StartsWith("AKIA", keyId);
        Assert.Equal(20, keyId.Length);
        Assert.Equal(40, first.GetProperty("SecretAccessKey").GetString()!.Length);
        Assert.Equal("Active", first.GetProperty("Status").GetString());
        await Cli.OkAsync("iam", "create-access-key", "--user-name", name);
        var third = await Cli.FailsWithAsync("LimitExceeded", "iam", "create-access-key", "--user-name", name);
        Assert.Contains("AccessKeysPerUser: 2", third.ErrorMessage);

        var listed = await Cli.OkAsync("iam", "list-access-keys", "--user-name", name);
        Assert.Equal(2, listed.GetProperty("AccessKeyMetadata").GetArrayLength());

        var unused = await Cli.OkAsync("iam", "get-access-key-last-used", "--access-key-id", keyId);
        Assert.Equal(name, unused.GetProperty("UserName").GetString());
        Assert.Equal("N/A", unused.GetProperty("AccessKeyLastUsed").GetProperty("ServiceName").GetString());
        Assert.False(unused.GetProperty("AccessKeyLastUsed").TryGetProperty("LastUsedDate", out _));

        var key = new RangeCredentials(keyId, first.GetProperty("SecretAccessKey").GetString()!);
        await Cli.As(key).InRegion("eu-west-1").OkAsync("sts", "get-caller-identity");
        var used = (await Cli.OkAsync("iam", "get-access-key-last-used", "--access-key-id", keyId)).GetProperty("AccessKeyLastUsed");
        Assert.Equal("sts", used.GetProperty("ServiceName").GetString());
        Assert.Equal("us-east-1", used.GetProperty("Region").GetString());
        Assert.True(used.TryGetProperty("LastUsedDate", out _));

        // CloudTrail must not record the secret (AWS leaves it out of responseElements).
        var record = fixture.Range.State.Calls.Single(c => c.EventName == "CreateAccessKey"
            && c.ResponseElements?["accessKey"]?["accessKeyId"]?.GetValue<string>() == keyId);
        Assert.DoesNotContain("ecretAccessKey", record.ResponseElements!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(keyId, record.ResponseElements!["accessKey"]!["accessKeyId"]!.GetValue<string>());

        await Cli.OkAsync("iam", "update-access-key", "--user-name", name, "--access-key-id", keyId, "--status", "Inactive");
        var after = await Cli.OkAsync("iam", "list-access-keys", "--user-name", name);
        Assert.Equal("Inactive", after.GetProperty("AccessKeyMetadata").EnumerateArray()
            .Single(k => k.GetProperty("AccessKeyId").GetString() == keyId).GetProperty("Status").GetString());

        await Cli.FailsWithAsync("DeleteConflict", "iam", "delete-user", "--user-name", name);
        await Cli.OkAsync("iam", "delete-access-key", "--user-name", name, "--access-key-id", keyId);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "delete-access-key", "--user-name", name, "--access-key-id", keyId);
    }

    [Fact]
    public async Task Login_profile_and_mfa_devices()
    {
        var name = fixture.Unique("console");
        await Cli.OkAsync("iam", "create-user", "--user-name", name);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "get-login-profile", "--user-name", name);
        var created = await Cli.OkAsync("iam", "create-login-profile", "--user-name", name, "--password", "Sup3r-secret!",
            "--password-reset-required");
        Assert.True(created.GetProperty("LoginProfile").GetProperty("PasswordResetRequired").GetBoolean());
        await Cli.FailsWithAsync("EntityAlreadyExists", "iam", "create-login-profile", "--user-name", name, "--password", "Sup3r-secret!");
        await Cli.OkAsync("iam", "update-login-profile", "--user-name", name, "--no-password-reset-required");
        var profile = await Cli.OkAsync("iam", "get-login-profile", "--user-name", name);
        Assert.False(profile.GetProperty("LoginProfile").GetProperty("PasswordResetRequired").GetBoolean());
        Assert.Equal(name, profile.GetProperty("LoginProfile").GetProperty("UserName").GetString());

        var record = fixture.Range.State.Calls.Last(c => c.EventName == "CreateLoginProfile" && c.ErrorCode is null);
        Assert.DoesNotContain("Sup3r", record.RequestParameters?.ToJsonString() ?? "");

        var mfa = await Cli.OkAsync("iam", "list-mfa-devices", "--user-name", name);
        Assert.Equal(0, mfa.GetProperty("MFADevices").GetArrayLength());

        await Cli.OkAsync("iam", "delete-login-profile", "--user-name", name);
        await Cli.FailsWithAsync("NoSuchEntity", "iam", "delete-login-profile", "--user-name", name);
    }

    [Fact]
    public async Task List_users_pages_with_max_items_and_marker()
    {
        var prefix = "/paging/";
        for (var i = 0; i < 3; i++)
            await Cli.OkAsync("iam", "create-user", "--user-name", fixture.Unique("pager"), "--path", prefix);
        // The CLI's --max-items/--starting-token drive the API's MaxItems/Marker/IsTruncated.
        var first = await Cli.OkAsync("iam", "list-users", "--path-prefix", prefix, "--max-items", "2");
        Assert.Equal(2, first.GetProperty("Users").GetArrayLength());
        var token = first.GetProperty("NextToken").GetString()!;
        var rest = await Cli.OkAsync("iam", "list-users", "--path-prefix", prefix, "--starting-token", token);
        Assert.Equal(1, rest.GetProperty("Users").GetArrayLength());
        Assert.False(rest.TryGetProperty("NextToken", out _));
        var all = await Cli.OkAsync("iam", "list-users", "--path-prefix", prefix, "--page-size", "1");
        Assert.Equal(3, all.GetProperty("Users").GetArrayLength());
    }
}
