using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Resources;

/// <summary>KMS: a grant the attacker created letting a principal of another account use a key of the case's account.</summary>
public sealed partial class AttackerResourceFinder
{
    /// <summary>
    /// The grant CreateGrant answered (<c>grantId</c>), when its grantee or retiring principal is in another account than the
    /// one the event happened in: the account it lets in (<c>sharedWith</c>), the grantee, the retiring principal, the
    /// operations and the key. Its id is <c>KEY/GRANTID</c> (the key as collected, else the key id the request named);
    /// <c>openNow</c> says whether the collected key still lists the grant. A grant for the account itself or for an AWS
    /// service principal is no door.
    /// </summary>
    private void AddKmsGrant(string region, TrailRecord e, string? by, JsonElement request, JsonElement response)
    {
        if (TrailRecordJson.Path(response, "grantId") is not { } grantId || TrailRecordJson.Path(request, "keyId") is not { } named) return;
        var grantee = TrailRecordJson.Path(request, "granteePrincipal");
        var retiring = TrailRecordJson.Path(request, "retiringPrincipal");
        var owner = Owner(e);
        var outside = new[] { grantee, retiring }.Select(PrincipalAccount).OfType<string>().Where(a => a != owner).Distinct().ToList();
        if (outside.Count == 0) return;
        var key = state.KmsKeys.FirstOrDefault(k => k.Region == region && (k.KeyId == named || k.Arn == named || k.Arn.EndsWith("/" + named, StringComparison.Ordinal)));
        var keyId = key?.KeyId ?? (named.StartsWith("arn:", StringComparison.Ordinal) && named.Contains(":key/", StringComparison.Ordinal)
            ? named[(named.LastIndexOf('/') + 1)..] : named);
        var fact = key?.Grants.FirstOrDefault(g => g.GrantId == grantId);
        var operations = fact?.Operations ?? Items(request, "operations").ToList();
        var resource = new AttackerResource
        {
            Id = ResourceId.Of(ResourceTypes.OutsideKmsGrant, region, $"{keyId}/{grantId}"), Type = ResourceTypes.OutsideKmsGrant,
            Region = region, ResourceId = $"{keyId}/{grantId}", Name = fact?.Name ?? TrailRecordJson.Path(request, "name"),
            State = key is null ? "unknown" : fact is null ? "gone" : "granted", CreatedBy = by, CreatedAt = fact?.CreationDate ?? e.EventTime,
            Attributes = Clean(new JsonObject
            {
                ["keyId"] = keyId, ["keyArn"] = key?.Arn, ["grantId"] = grantId,
                ["sharedWith"] = new JsonArray(outside.Select(a => (JsonNode)a!).ToArray()),
                ["granteePrincipal"] = fact?.GranteePrincipal ?? grantee, ["retiringPrincipal"] = fact?.RetiringPrincipal ?? retiring,
                ["operations"] = new JsonArray(operations.Select(o => (JsonNode)o!).ToArray()),
                ["openNow"] = key is null ? null : fact is not null,
            }),
            EventIds = [e.EventId], Evidence = key is null ? [] : [fact?.Evidence ?? key.Evidence],
        };
        _found[resource.Id] = resource;
    }

    /// <summary>The account of an IAM or STS principal ARN (<c>arn:aws:iam::ACCOUNT:…</c>) or a bare account id; null for a service principal.</summary>
    internal static string? PrincipalAccount(string? principal) => principal switch
    {
        null => null,
        _ when AccountId().IsMatch(principal) => principal,
        _ when principal.StartsWith("arn:", StringComparison.Ordinal) && principal.Split(':') is { Length: > 5 } p && AccountId().IsMatch(p[4]) => p[4],
        _ => null,
    };
}
