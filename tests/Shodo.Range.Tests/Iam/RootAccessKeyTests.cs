using System.Text;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>
/// The root user's access keys as AWS treats them, seen with the AWS CLI: the caller is the account's root
/// (arn:aws:iam::ACCOUNT:root), no identity policy binds it, an IAM principal cannot find the key to deactivate it
/// (NoSuchEntity), no user lists it, and the credential report's root row and the account summary show it.
/// </summary>
public sealed class RootAccessKeyTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task A_root_key_acts_as_root_and_only_root_can_deactivate_it()
    {
        RangeCredentials root;
        lock (fixture.Range.State.Sync)
        {
            var key = fixture.Range.State.AddRootAccessKey();
            root = new RangeCredentials(key.AccessKeyId, key.SecretAccessKey);
        }
        var account = fixture.Range.State.AccountId;
        var me = await Cli.As(root).OkAsync("sts", "get-caller-identity");
        Assert.Equal($"arn:aws:iam::{account}:root", me.GetProperty("Arn").GetString());
        Assert.Equal(account, me.GetProperty("UserId").GetString());
        await Cli.As(root).OkAsync("iam", "list-users"); // no identity policy binds root

        // The responder, an IAM principal, cannot reach the key: it is no user's.
        var refused = await Cli.FailsWithAsync("NoSuchEntity", "iam", "update-access-key", "--access-key-id", root.AccessKeyId, "--status", "Inactive");
        Assert.Contains(root.AccessKeyId, refused.ErrorMessage);
        var users = (await Cli.OkAsync("iam", "list-users")).GetProperty("Users").EnumerateArray().Select(u => u.GetProperty("UserName").GetString()!);
        foreach (var user in users)
            Assert.DoesNotContain((await Cli.OkAsync("iam", "list-access-keys", "--user-name", user)).GetProperty("AccessKeyMetadata").EnumerateArray(),
                k => k.GetProperty("AccessKeyId").GetString() == root.AccessKeyId);
        await Cli.As(root).OkAsync("sts", "get-caller-identity"); // still works

        Assert.Equal(1, (await Cli.OkAsync("iam", "get-account-summary")).GetProperty("SummaryMap").GetProperty("AccountAccessKeysPresent").GetInt32());
        await Cli.OkAsync("iam", "generate-credential-report");
        string? content = null;
        for (var i = 0; i < 50 && content is null; i++)
        {
            var got = await Cli.RunAsync("iam", "get-credential-report");
            if (got.ExitCode == 0) content = Encoding.UTF8.GetString(Convert.FromBase64String(got.Root.GetProperty("Content").GetString()!));
            else
            {
                Assert.Equal("ReportInProgress", got.ErrorCode);
                await Task.Delay(100);
            }
        }
        var rootRow = content!.Split('\n').Single(l => l.StartsWith("<root_account>,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(22, rootRow.Length);
        Assert.Equal("true", rootRow[8]);       // access_key_1_active
        Assert.Equal("sts", rootRow[12]);       // access_key_1_last_used_service
        Assert.Equal("false", rootRow[13]);     // access_key_2_active
    }
}
