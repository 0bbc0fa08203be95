using System.Text;
using Microsoft.Extensions.Time.Testing;
using Shodo.Range.State.Iam;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Iam;

/// <summary>The account-wide answers a responder collects first: authorization details, credential report, summary.</summary>
public sealed class AccountReportTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    [Fact]
    public async Task Authorization_details_list_every_identity_with_its_policies()
    {
        var user = fixture.Unique("detailed");
        await Cli.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.OkAsync("iam", "put-user-policy", "--user-name", user, "--policy-name", "inline",
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""");
        await Cli.OkAsync("iam", "attach-user-policy", "--user-name", user, "--policy-arn", AwsManagedPolicies.DenyAllArn);

        var details = await Cli.OkAsync("iam", "get-account-authorization-details");
        var entry = details.GetProperty("UserDetailList").EnumerateArray().Single(u => u.GetProperty("UserName").GetString() == user);
        Assert.Equal("inline", entry.GetProperty("UserPolicyList")[0].GetProperty("PolicyName").GetString());
        Assert.Equal("ec2:*", entry.GetProperty("UserPolicyList")[0].GetProperty("PolicyDocument").GetProperty("Statement")[0]
            .GetProperty("Action").GetString());
        Assert.Equal("AWSDenyAll", entry.GetProperty("AttachedManagedPolicies")[0].GetProperty("PolicyName").GetString());
        var policies = details.GetProperty("Policies").EnumerateArray().Select(p => p.GetProperty("PolicyName").GetString()).ToList();
        Assert.Contains("AWSDenyAll", policies);
        Assert.Contains("AdministratorAccess", policies);
        Assert.DoesNotContain("AWSCompromisedKeyQuarantine", policies);

        var usersOnly = await Cli.OkAsync("iam", "get-account-authorization-details", "--filter", "User");
        Assert.Equal(0, usersOnly.GetProperty("Policies").GetArrayLength());
        Assert.True(usersOnly.GetProperty("UserDetailList").GetArrayLength() >= 2);

        var paged = await Cli.OkAsync("iam", "get-account-authorization-details", "--filter", "User", "--page-size", "1");
        Assert.Equal(usersOnly.GetProperty("UserDetailList").GetArrayLength(), paged.GetProperty("UserDetailList").GetArrayLength());
    }

    [Fact]
    public async Task Credential_report_has_awss_columns_and_a_line_per_user()
    {
        var user = fixture.Unique("reported");
        var key = await Cli.CreateUserWithKeyAsync(user);
        await Cli.As(key).OkAsync("sts", "get-caller-identity");
        await Cli.OkAsync("iam", "create-login-profile", "--user-name", user, "--password", "Correct-Horse-1");

        var first = await Cli.OkAsync("iam", "generate-credential-report");
        Assert.Equal("STARTED", first.GetProperty("State").GetString());
        // Generation takes time, as on AWS: poll until COMPLETE.
        var polls = 0;
        while ((await Cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString() != "COMPLETE")
        {
            Assert.True(++polls < 50, "the credential report never completed");
            await Task.Delay(100);
        }

        var report = await Cli.OkAsync("iam", "get-credential-report");
        Assert.Equal("text/csv", report.GetProperty("ReportFormat").GetString());
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(report.GetProperty("Content").GetString()!)).Split('\n');
        Assert.Equal(CredentialReportCsvHeader, csv[0]);
        Assert.StartsWith("<root_account>,arn:aws:iam::111122223333:root,", csv[1]);
        var line = csv.Single(l => l.StartsWith(user + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(22, line.Length);
        Assert.Equal("true", line[3]);   // password_enabled
        Assert.Equal("true", line[8]);   // access_key_1_active
        Assert.Equal("us-east-1", line[11]);
        Assert.Equal("sts", line[12]);
        Assert.Equal("false", line[13]); // access_key_2_active
    }

    private const string CredentialReportCsvHeader =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation," +
        "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region," +
        "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date," +
        "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    [Fact]
    public async Task Account_summary_and_aliases()
    {
        var summary = (await Cli.OkAsync("iam", "get-account-summary")).GetProperty("SummaryMap");
        Assert.True(summary.GetProperty("Users").GetInt32() >= 1);
        Assert.Equal(2, summary.GetProperty("AccessKeysPerUserQuota").GetInt32());
        Assert.Equal(5000, summary.GetProperty("UsersQuota").GetInt32());
        Assert.Equal(0, (await Cli.OkAsync("iam", "list-account-aliases")).GetProperty("AccountAliases").GetArrayLength());
    }

    [Fact]
    public async Task Credential_report_is_in_progress_then_complete_kept_for_4_hours_then_expired()
    {
        // A clock that stands still unless the test moves it: the CLI is slow on a loaded machine.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fresh = await RangeHost.StartAsync(new RangeOptions { Port = 0, TimeProvider = time });
        var cli = new AwsCli(fresh.Url, fresh.Responder);
        void Advance(TimeSpan by) => time.Advance(by);

        Assert.Equal("STARTED", (await cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString());
        Assert.Equal("INPROGRESS", (await cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString());
        await cli.FailsWithAsync("ReportInProgress", "iam", "get-credential-report");
        using (var http = new SignedHttp(fresh.Url, fresh.Responder))
        {
            var raw = await http.PostAsync("iam", "us-east-1", "Action=GetCredentialReport&Version=2010-05-08");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, raw.StatusCode); // botocore: CredentialReportNotReadyException, 404
        }

        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("COMPLETE", (await cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString());
        var generated = (await cli.OkAsync("iam", "get-credential-report")).GetProperty("GeneratedTime").GetDateTimeOffset();

        // A report under 4 hours old is answered COMPLETE at once and not generated again: its GeneratedTime stays.
        Advance(TimeSpan.FromHours(3));
        await cli.OkAsync("iam", "create-user", "--user-name", "after-the-report");
        Assert.Equal("COMPLETE", (await cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString());
        var later = await cli.OkAsync("iam", "get-credential-report");
        Assert.Equal(generated, later.GetProperty("GeneratedTime").GetDateTimeOffset());
        Assert.DoesNotContain("after-the-report", Encoding.UTF8.GetString(Convert.FromBase64String(later.GetProperty("Content").GetString()!)));

        Advance(TimeSpan.FromHours(1));
        await cli.FailsWithAsync("ReportExpired", "iam", "get-credential-report");
        Assert.Equal("STARTED", (await cli.OkAsync("iam", "generate-credential-report")).GetProperty("State").GetString());
    }

    [Fact]
    public async Task Credential_report_before_generation_is_ReportNotPresent()
    {
        await using var fresh = await RangeHost.StartAsync(new RangeOptions());
        await new AwsCli(fresh.Url, fresh.Responder).FailsWithAsync("ReportNotPresent", "iam", "get-credential-report");
    }
}
