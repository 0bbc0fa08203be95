using System.Text;
using Shodo.Aws.Iam.Model;

namespace Shodo.Tests.Aws;

/// <summary>The credential report's lines, read by header name; a line that cannot be read whole is left out, never read shifted.</summary>
public sealed class CredentialReportRowsTests
{
    private const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation," +
        "mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date," +
        "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated," +
        "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active," +
        "cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    private static CredentialReportRows Read(params string[] lines) =>
        CredentialReportRows.Read(new CredentialReport(Encoding.UTF8.GetBytes(string.Join('\n', [Header, .. lines])), "text/csv",
            DateTimeOffset.Parse("2026-12-07T06:00:00Z")));

    [Fact]
    public void A_line_says_password_mfa_and_each_key_with_its_last_use_and_root_is_not_a_user()
    {
        var rows = Read(
            "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,N/A,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "dev,arn:aws:iam::123456789012:user/dev,2024-05-01T10:00:00+00:00,true,N/A,2024-05-01T10:00:00+00:00,N/A,false,true,2024-05-02T10:00:00+00:00,2026-12-06T23:00:00+00:00,us-east-1,s3,false,2025-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A");

        Assert.Equal(1, rows.Count);
        var dev = rows.Of("DEV")!; // IAM names are unique regardless of case
        Assert.Equal((true, false), (dev.PasswordEnabled, dev.MfaActive));
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T10:00:00Z"), dev.Created);
        Assert.Equal(2, dev.Keys.Count);
        Assert.Equal(new CredentialReportKey(true, DateTimeOffset.Parse("2024-05-02T10:00:00Z"), DateTimeOffset.Parse("2026-12-06T23:00:00Z"), "us-east-1", "s3"), dev.Keys[0]);
        Assert.Equal(new CredentialReportKey(false, DateTimeOffset.Parse("2025-01-01T00:00:00Z"), null, null, null), dev.Keys[1]);
    }

    [Fact]
    public void A_user_name_with_a_comma_shifts_its_line_so_the_line_is_left_out_and_no_other_user_is_misread()
    {
        var rows = Read(
            "ops,admin,arn:aws:iam::123456789012:user/ops,admin,2024-05-01T10:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "ops,arn:aws:iam::123456789012:user/ops,2024-05-01T10:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");

        Assert.Null(rows.Of("ops,admin"));
        Assert.Empty(rows.Of("ops")!.Keys);
        Assert.Equal(1, rows.Count);
    }
}
