using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:ListAccounts — every account of the organisation (from the management account or a delegated administrator).</summary>
public sealed record ListAccounts : JsonPagedCall<OrganizationAccount>
{
    public override AwsOperation Operation => OrganizationsOperations.ListAccounts;
    public override void Write(JsonObject body) { }
    public override IReadOnlyList<OrganizationAccount> Read(JsonElement r) => r.Items("Accounts").Select(OrganizationAccount.From).ToList();
}
