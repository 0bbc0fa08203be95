using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.S3;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Resources;

/// <summary>KMS: a key policy the attacker put letting another account use a key of the case's account.</summary>
public sealed partial class AttackerResourceFinder
{
    /// <summary>
    /// The key whose policy a PutKeyPolicy set (CloudTrail records the whole new policy, never the one it replaced), when
    /// that policy's Allow statements let in an account other than the one the event happened in, or everyone (<c>all</c>):
    /// <c>sharedWith</c> is whom, gathered across the attacker's PutKeyPolicy events on the key, open since the first.
    /// Its id is the key's id (as collected, else as the request named it); <c>openNow</c> says whether the collected
    /// policy still lets any of them in (null when the key or its policy was not read). Principals are read as a bucket
    /// policy's are (<see cref="BucketPolicyGrants"/>): conditions not weighed, the cautious reading.
    /// </summary>
    private void AddOpenedKeyPolicy(string region, TrailRecord e, string? by, JsonElement request)
    {
        if (TrailRecordJson.Path(request, "keyId") is not { } named || TrailRecordJson.Path(request, "policy") is not { } text) return;
        var owner = Owner(e);
        var outside = BucketPolicyGrants.Allowed(BucketPolicyGrants.Parse(text), owner);
        if (outside.Count == 0) return;
        var key = state.KmsKeys.FirstOrDefault(k => k.Region == region && (k.KeyId == named || k.Arn == named || k.Arn.EndsWith("/" + named, StringComparison.Ordinal)));
        var keyId = key?.KeyId ?? (named.StartsWith("arn:", StringComparison.Ordinal) && named.Contains(":key/", StringComparison.Ordinal)
            ? named[(named.LastIndexOf('/') + 1)..] : named);
        var id = ResourceId.Of(ResourceTypes.OpenedKeyPolicy, region, keyId);
        var earlier = _found.GetValueOrDefault(id);
        var shared = ((earlier?.Attributes["sharedWith"] as JsonArray)?.Select(v => (string)v!) ?? []).Union(outside, StringComparer.Ordinal).ToList();
        bool? openNow = key?.Policy is { } now ? BucketPolicyGrants.Allowed(BucketPolicyGrants.Parse(now), owner).Intersect(shared).Any() : null;
        _found[id] = new AttackerResource
        {
            Id = id, Type = ResourceTypes.OpenedKeyPolicy, Region = region, ResourceId = keyId,
            State = openNow is null ? "unknown" : openNow.Value ? "opened" : "closed", CreatedBy = earlier?.CreatedBy ?? by,
            CreatedAt = earlier?.CreatedAt ?? e.EventTime,
            Attributes = Clean(new JsonObject
            {
                ["keyId"] = keyId, ["keyArn"] = key?.Arn,
                ["sharedWith"] = new JsonArray(shared.Select(a => (JsonNode)a!).ToArray()),
                ["openNow"] = openNow,
            }),
            EventIds = (earlier?.EventIds ?? []).Append(e.EventId).Distinct().ToList(), Evidence = key is null ? [] : [key.Evidence],
        };
    }
}
