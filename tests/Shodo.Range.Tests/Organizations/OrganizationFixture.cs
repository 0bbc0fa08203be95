using Shodo.Range.State.Organizations;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>A range serving an organisation of four accounts: the management account (the responder's) and three members.</summary>
public sealed class OrganizationFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Accounts = 4 };

    public string Management => RangeInfo.DefaultAccountId;
    public string Member(int i) => RangeOrganization.MemberId(Management, i);
    public string AccessRole(int member) => $"arn:aws:iam::{Member(member)}:role/{RangeOrganization.AccessRoleName}";

    /// <summary>The AWS CLI as a session of OrganizationAccountAccessRole in member <paramref name="member"/>, assumed by <paramref name="cli"/>.</summary>
    public async Task<AwsCli> InMemberAsync(int member, AwsCli? cli = null, string session = "ir") =>
        Cli.As((await (cli ?? Cli).OkAsync("sts", "assume-role", "--role-arn", AccessRole(member), "--role-session-name", session)).AsCredentials());
}
