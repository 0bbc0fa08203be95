using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Organizations;

/// <summary>
/// Organizations in the state file, saved by the management account: the organisation's and root's ids, its policies
/// (SCPs a responder or an attacker created, FullAWSAccess) and their attachments. A standalone account saves
/// <c>{}</c>. The members' own states are not carried (the state file is the management account's).
/// </summary>
public sealed class OrganizationsStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "organizations";

    public JsonNode Save(RangeState state)
    {
        if (state.Organization is not { } org || org.ManagementAccountId != state.AccountId) return new JsonObject();
        return JsonSerializer.SerializeToNode(new SavedOrganization(org.Id, org.RootId,
            org.Policies.Values.Select(p => new SavedPolicy(p.Id, p.Arn, p.Name, p.Description, p.PolicyType, p.AwsManaged, p.Content)).ToList(),
            org.Attachments.ToDictionary(a => a.Key, a => a.Value.ToList(), StringComparer.Ordinal)), Options)!;
    }

    public void Load(RangeState state, JsonNode node)
    {
        var saved = node.Deserialize<SavedOrganization>(Options);
        if (saved?.Id is null) return;
        if (state.Organization is not { } org || org.ManagementAccountId != state.AccountId)
            throw new InvalidDataException($"The state file holds organisation {saved.Id}; serve an organisation (range serve --accounts N) to load it.");
        org.Restore(saved.Id, saved.RootId, saved.Policies.Select(p => new ServiceControlPolicy
        {
            Id = p.Id, Arn = p.Arn, Name = p.Name, Description = p.Description, PolicyType = p.PolicyType, AwsManaged = p.AwsManaged,
            Content = p.Content,
        }), saved.Attachments);
    }

    private sealed record SavedOrganization(string Id, string RootId, List<SavedPolicy> Policies, Dictionary<string, List<string>> Attachments);

    private sealed record SavedPolicy(string Id, string Arn, string Name, string Description, string PolicyType, bool AwsManaged, string Content);
}
