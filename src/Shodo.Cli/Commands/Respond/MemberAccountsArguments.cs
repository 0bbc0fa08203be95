using System.CommandLine;
using System.Text.RegularExpressions;
using Shodo.Cli.Output;
using Shodo.Localization;
using Shodo.Response.Accounts;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// respond's organisation options: <c>--accounts ID,ID…</c>, <c>--organization</c> and <c>--member-role-name NAME</c>,
/// checked at parsing (a usage error names the value), read into a <see cref="MemberAccountsRequest"/>.
/// </summary>
public sealed partial class MemberAccountsArguments
{
    private readonly Option<string?> _accounts = new("--accounts")
    {
        Description = "Also respond in these accounts of the organisation (12-digit ids, comma-separated), through the member role. " +
                      "The accounts the investigation sees the attacker enter are always entered.",
    };
    private readonly Option<bool> _organization = new("--organization")
    {
        Description = "Also respond in every active account of the organisation (organizations:ListAccounts, from the management account or a delegated administrator).",
    };
    private readonly Option<string?> _roleName = new("--member-role-name")
    {
        Description = $"The role assumed in each other account. Default {MemberAccountsRequest.DefaultRoleName} (docs/organizations.md); " +
                      "OrganizationAccountAccessRole is accepted.",
    };

    public MemberAccountsArguments()
    {
        _accounts.Validators.Add(r =>
        {
            if (r.GetValue(_accounts) is { } list && Ids(list).FirstOrDefault(id => !AccountId().IsMatch(id)) is { } bad)
                r.AddError(Messages.Get("BadAccountId", Terminal.Echo(bad)));
        });
        _roleName.Validators.Add(r =>
        {
            if (r.GetValue(_roleName) is { } name && !RoleName().IsMatch(name))
                r.AddError(Messages.Get("BadMemberRoleName", Terminal.Echo(name)));
        });
    }

    public IEnumerable<Option> Options => [_accounts, _organization, _roleName];

    public MemberAccountsRequest Read(ParseResult parse) => new()
    {
        Accounts = parse.GetValue(_accounts) is { } list ? Ids(list).Distinct().ToList() : [],
        Organization = parse.GetValue(_organization),
        RoleName = parse.GetValue(_roleName) ?? MemberAccountsRequest.DefaultRoleName,
    };

    private static IEnumerable<string> Ids(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    /// <summary>IAM's roleNameType: 1-64 of [\w+=,.@-].</summary>
    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleName();
}
