using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Policy;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo policy</c>: the least-privilege IAM policy a responder role needs to run Shodo — every
/// read action collection and investigation use, plus exactly the never-delete allowlist. With
/// <c>--organization</c>, what the responder needs in each account of an AWS Organization: the management account's
/// policy, and the member role's permissions and trust policy (<see cref="OrganizationResponderPolicy"/>).
/// </summary>
public sealed class PolicyCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var organization = new Option<bool>("--organization")
        {
            Description = "Print what the responder needs across an AWS Organization: the management account's policy, and the " +
                          "member role's permissions and trust policy for each member account.",
        };
        var roleName = new Option<string>("--member-role-name")
        {
            Description = "The role name in each member account (with --organization).",
            DefaultValueFactory = _ => OrganizationResponderPolicy.DefaultMemberRoleName,
        };
        roleName.Validators.Add(r =>
        {
            if (r.GetValue(roleName) is { } name && !System.Text.RegularExpressions.Regex.IsMatch(name, @"^[A-Za-z0-9+=,.@_-]{1,64}$"))
                r.AddError(Messages.Get("PolicyBadMemberRole", Output.Terminal.Echo(name)));
        });
        var management = new Option<string?>("--management-account-id")
        {
            Description = "The management account's id, for the member role's trust policy (with --organization).",
        };
        management.Validators.Add(r =>
        {
            if (r.GetValue(management) is { } id && (id.Length != 12 || !id.All(char.IsAsciiDigit)))
                r.AddError(Messages.Get("PolicyBadManagementAccount", Output.Terminal.Echo(id)));
        });
        var command = new Command("policy",
            "Print the least-privilege IAM policy (JSON) a responder role needs to run Shodo: read access for " +
            "collection and investigation, plus only the non-destructive containment actions.\n\nExample:\n" +
            "  shodo policy > shodo-responder.json\n" +
            "  aws iam create-policy --policy-name ShodoResponder --policy-document file://shodo-responder.json\n" +
            "  shodo policy --organization --management-account-id 111122223333 --output json > shodo-organization.json")
        { Options = { organization, roleName, management } };
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx =>
        {
            if (!parse.GetValue(organization))
                ctx.Out.WriteLine(ResponderPolicy.Json());
            else
                WriteOrganization(ctx, parse.GetValue(roleName) ?? OrganizationResponderPolicy.DefaultMemberRoleName, parse.GetValue(management));
            return Task.FromResult(Shodo.Diagnostics.ExitCode.Success);
        }));
        return command;
    }

    private static void WriteOrganization(CommandContext ctx, string role, string? managementAccountId)
    {
        var indented = new JsonSerializerOptions { WriteIndented = true };
        var managementPolicy = OrganizationResponderPolicy.Management(role);
        var permissions = OrganizationResponderPolicy.MemberPermissions();
        var trust = OrganizationResponderPolicy.MemberTrust(managementAccountId);
        if (ctx.Json)
        {
            ctx.Out.WriteLine(new JsonObject
            {
                ["managementAccount"] = managementPolicy,
                ["memberRole"] = new JsonObject { ["roleName"] = role, ["permissions"] = permissions, ["trust"] = trust },
            }.ToJsonString(indented));
            return;
        }
        ctx.Out.WriteLine(Messages.Get("PolicyOrganizationManagement"));
        ctx.Out.WriteLine(managementPolicy.ToJsonString(indented));
        ctx.Out.WriteLine();
        ctx.Out.WriteLine(Messages.Get("PolicyOrganizationMemberPermissions", role));
        ctx.Out.WriteLine(permissions.ToJsonString(indented));
        ctx.Out.WriteLine();
        ctx.Out.WriteLine(Messages.Get("PolicyOrganizationMemberTrust", role));
        ctx.Out.WriteLine(trust.ToJsonString(indented));
    }
}
