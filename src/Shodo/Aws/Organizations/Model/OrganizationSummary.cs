using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Model;

/// <summary>An organisation as DescribeOrganization names it: its id (o-...), and its management account.</summary>
public sealed record OrganizationSummary(string Id, string ManagementAccountId)
{
    /// <summary>The error AWS answers when the caller's account is in no organisation.</summary>
    public const string NotInUse = "AWSOrganizationsNotInUseException";

    public static OrganizationSummary From(JsonElement organization) =>
        new(organization.Text("Id") ?? "", organization.Text("MasterAccountId") ?? "");
}
