using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Organizations;

/// <summary>
/// The organisation in the range's state file (<c>/_range/save</c>, <c>/_range/load</c>): its id and root, its policies
/// with their attachments, the services with trusted access, and every member account's state, part by part as the
/// management account's (<see cref="StateParts"/>), secrets included like the rest of the file. Loaded into a range serving
/// the same accounts (<c>range serve --accounts N</c> with the same management account); anything else is refused.
/// </summary>
public static class OrganizationStateFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonObject Save(RangeOrganization org) => new()
    {
        ["id"] = org.Id,
        ["rootId"] = org.RootId,
        ["policies"] = new JsonArray(org.Policies.Values.Select(p => JsonSerializer.SerializeToNode(p, Options)).ToArray()),
        ["attachments"] = JsonSerializer.SerializeToNode(org.Attachments, Options),
        ["serviceAccess"] = JsonSerializer.SerializeToNode(org.ServiceAccess, Options),
        ["members"] = new JsonObject(org.Accounts.Where(a => a.Id != org.ManagementAccountId).Select(a =>
        {
            var member = new JsonObject();
            foreach (var part in StateParts.All) member[part.Name] = part.Save(a.State);
            return KeyValuePair.Create(a.Id, (JsonNode?)member);
        })),
    };

    public static void Load(RangeOrganization? org, JsonObject node, string path)
    {
        var members = node["members"] as JsonObject ?? new JsonObject();
        var served = org?.Accounts.Where(a => a.Id != org.ManagementAccountId).Select(a => a.Id).ToList() ?? [];
        if (org is null || !members.Select(m => m.Key).Order(StringComparer.Ordinal).SequenceEqual(served.Order(StringComparer.Ordinal)))
            throw new InvalidDataException(
                $"{path} holds an organisation of {members.Count + 1} accounts; this range serves {(org is null ? "one account" : $"{served.Count + 1}")}: " +
                $"start it with --accounts {members.Count + 1}.");
        org.Rename(Text(node, "id"), Text(node, "rootId"));
        org.Policies.Clear();
        foreach (var policy in (node["policies"] as JsonArray ?? []).Select(p => p.Deserialize<ServiceControlPolicy>(Options)!))
            org.Policies[policy.Id] = policy;
        org.Attachments.Clear();
        foreach (var (target, ids) in node["attachments"].Deserialize<Dictionary<string, List<string>>>(Options) ?? [])
            org.Attachments[target] = ids;
        org.ServiceAccess.Clear();
        foreach (var (service, at) in node["serviceAccess"].Deserialize<Dictionary<string, DateTimeOffset>>(Options) ?? [])
            org.ServiceAccess[service] = at;
        foreach (var account in org.Accounts.Where(a => a.Id != org.ManagementAccountId))
            foreach (var part in StateParts.All)
                if (members[account.Id]?[part.Name] is { } saved) part.Load(account.State, saved);
    }

    private static string Text(JsonObject node, string name) =>
        node[name]?.GetValue<string>() ?? throw new InvalidDataException($"The organisation in the state file has no {name}.");
}
