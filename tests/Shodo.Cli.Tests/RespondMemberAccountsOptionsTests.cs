using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

/// <summary>
/// respond's organisation options are checked at parsing, in process and before any AWS call: an account id that is not
/// 12 digits, or a role ARN given where the role's name goes, is a usage error naming the value (issue 21).
/// </summary>
public sealed class RespondMemberAccountsOptionsTests
{
    [Fact]
    public async Task An_account_id_that_is_not_twelve_digits_is_a_usage_error_naming_it()
    {
        var run = await CliRun.Invoke("respond", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--accounts", "311122223335,31112222333", "--watch", "0");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("'31112222333'", run.Error);
        Assert.Contains("12 digits", run.Error);
    }

    [Fact]
    public async Task A_role_arn_given_as_the_member_role_name_is_a_usage_error_asking_for_the_name()
    {
        var run = await CliRun.Invoke("respond", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--organization",
            "--member-role-name", "arn:aws:iam::311122223335:role/OrganizationAccountAccessRole", "--watch", "0");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("not its ARN", run.Error);
    }
}
