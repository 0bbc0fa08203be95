using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Resources;

/// <summary>AWS RAM: a resource share the attacker created or associated with an account outside the organisation.</summary>
public sealed partial class AttackerResourceFinder
{
    /// <summary>
    /// The share (its ARN: CreateResourceShare's answer, AssociateResourceShare's request) with the outside principals it is
    /// open to — the collected share's external principals when it has any, else the accounts the events named other than the
    /// owner — and the resources it shares, gathered across its events; nothing when no outside principal was seen.
    /// </summary>
    private void AddResourceShare(string region, TrailRecord e, string? by, JsonElement request, JsonElement response)
    {
        var arn = TrailRecordJson.Path(response, "resourceShare", "resourceShareArn") ?? TrailRecordJson.Path(request, "resourceShareArn");
        if (arn is null) return;
        var fact = state.ResourceShares.FirstOrDefault(s => s.Region == region && s.Arn == arn);
        var owner = Owner(e);
        var named = Items(request, "principals").Where(p => p != owner && AccountId().IsMatch(p));
        var earlier = _found.GetValueOrDefault(ResourceId.Of(ResourceTypes.SharedResourceShare, region, arn));
        // What the attacker shared stays what it did once the share is closed again: the events say with whom.
        var open = fact?.OpenToOutside.Select(p => p.Entity).ToList() ?? [];
        var shared = open.Count > 0 ? open : Strings(earlier, "sharedWith").Union(named).ToList();
        if (shared.Count == 0) return;
        var resources = fact?.Resources ?? Strings(earlier, "resources").Union(Items(request, "resourceArns")).ToList();
        var resource = new AttackerResource
        {
            Id = ResourceId.Of(ResourceTypes.SharedResourceShare, region, arn), Type = ResourceTypes.SharedResourceShare, Region = region,
            ResourceId = arn, Name = fact?.Name ?? TrailRecordJson.Path(request, "name") ?? (string?)earlier?.Name,
            State = fact is null ? "unknown" : "shared", CreatedBy = earlier?.CreatedBy ?? by, CreatedAt = earlier?.CreatedAt ?? e.EventTime,
            Attributes = new JsonObject
            {
                ["sharedWith"] = new JsonArray(shared.Select(s => (JsonNode)s!).ToArray()),
                ["resources"] = new JsonArray(resources.Select(s => (JsonNode)s!).ToArray()),
                ["openNow"] = fact is null ? null : fact.OpenToOutside.Any(),
            },
            EventIds = (earlier?.EventIds ?? []).Append(e.EventId).Distinct().ToList(),
            Evidence = fact is null ? earlier?.Evidence ?? [] : [fact.Evidence],
        };
        if (resource.Attributes["openNow"] is null) resource.Attributes.Remove("openNow");
        _found[resource.Id] = resource;
    }

    private static IEnumerable<string> Items(JsonElement request, string name) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!) : [];

    private static IEnumerable<string> Strings(AttackerResource? r, string name) =>
        (r?.Attributes[name] as JsonArray)?.Select(v => (string?)v).OfType<string>() ?? [];

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();
}
