using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Model;

/// <summary>An account of the organisation (Account in the model): its id, name and status (ACTIVE, SUSPENDED, PENDING_CLOSURE).</summary>
public sealed record OrganizationAccount(string Id, string? Name, string? Status)
{
    public const string Active = "ACTIVE";

    public static OrganizationAccount From(JsonElement account) => new(account.Text("Id") ?? "", account.Text("Name"), account.Text("Status"));
}
