using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Resources;

/// <summary>S3 Control: the account's Block Public Access, deleted or weakened by the attacker.</summary>
public sealed partial class AttackerResourceFinder
{
    private static readonly string[] BlockSettings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    /// <summary>
    /// The account's Block Public Access the attacker deleted (DeleteAccountPublicAccessBlock: every setting off) or put with a
    /// setting off (PutAccountPublicAccessBlock: CloudTrail records the whole new configuration, never the one it replaced, so a
    /// setting put off is reported whether or not it was on before). One resource per account (id: the account), open since
    /// the first such event: <c>turnedOff</c> gathers the settings, <c>changes</c> the events; <c>settingNow</c> and
    /// <c>openNow</c> (any of them still off) come from the collected setting, and are absent when it was not read.
    /// </summary>
    private void AddWeakenedAccountBlock(TrailRecord e, string? by, JsonElement request)
    {
        var configuration = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("PublicAccessBlockConfiguration", out var c) ? c : default;
        var off = e.EventName == "DeleteAccountPublicAccessBlock" ? BlockSettings
            : configuration.ValueKind != JsonValueKind.Object ? []
            : BlockSettings.Where(s => !(configuration.TryGetProperty(s, out var v) && v.ValueKind == JsonValueKind.True)).ToArray();
        if (off.Length == 0) return;
        var account = Owner(e) ?? "";
        var id = ResourceId.Of(ResourceTypes.WeakenedAccountPublicAccessBlock, null, account);
        var earlier = _found.GetValueOrDefault(id);
        var turnedOff = ((earlier?.Attributes["turnedOff"] as JsonArray)?.Select(v => (string)v!) ?? []).Union(off)
            .OrderBy(s => Array.IndexOf(BlockSettings, s)).ToList();
        var changes = ((earlier?.Attributes["changes"] as JsonArray)?.Select(v => (string)v!) ?? []).Append(e.EventName).Distinct().ToList();
        var now = state.AccountPublicAccessBlock;
        bool On(string setting) => setting switch
        {
            "BlockPublicAcls" => now!.BlockPublicAcls, "IgnorePublicAcls" => now!.IgnorePublicAcls,
            "BlockPublicPolicy" => now!.BlockPublicPolicy, _ => now!.RestrictPublicBuckets,
        };
        bool? openNow = now is null ? null : turnedOff.Any(s => !On(s));
        _found[id] = new AttackerResource
        {
            Id = id, Type = ResourceTypes.WeakenedAccountPublicAccessBlock, ResourceId = account,
            State = openNow is null ? "unknown" : openNow.Value ? "weakened" : "restored", CreatedBy = earlier?.CreatedBy ?? by,
            CreatedAt = earlier?.CreatedAt ?? e.EventTime,
            Attributes = Clean(new JsonObject
            {
                ["changes"] = new JsonArray(changes.Select(v => (JsonNode)v!).ToArray()),
                ["turnedOff"] = new JsonArray(turnedOff.Select(v => (JsonNode)v!).ToArray()),
                ["settingNow"] = now is null ? null : new JsonObject(BlockSettings.Select(s => KeyValuePair.Create(s, (JsonNode?)On(s)))),
                ["openNow"] = openNow,
            }),
            EventIds = (earlier?.EventIds ?? []).Append(e.EventId).Distinct().ToList(), Evidence = now is null ? [] : [now.Evidence],
        };
    }
}
