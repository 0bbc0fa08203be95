using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.S3Control;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// The account's Block Public Access (S3 Control) the attacker deleted or put with a setting off: a door to every bucket whose
/// own settings leave it open. CloudTrail records the new configuration only, never the one it replaced, so closing turns all
/// four settings on (AWS's recommendation; a bucket meant to be public stops being public until rollback — the plan says so and
/// close-data-door needs an approver unless the authority policy grants it). Re-opened by rollback with the journaled settings
/// exactly (an account that had none gets all four off: S3 treats both alike, and no Delete* joins the interlock's allowlist).
/// </summary>
public sealed class AccountPublicAccessBlockDoor : IDataDoor
{
    private static readonly string[] Settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];

    public string Kind => TargetKinds.AccountPublicAccessBlock;

    public IReadOnlyList<AwsOperation> Operations => [S3ControlOperations.GetPublicAccessBlock, S3ControlOperations.PutPublicAccessBlock];

    public string HowToReverse => "shodo rollback puts back the account's Block Public Access settings exactly as journaled (none: all four off)";

    /// <summary>The account's settings (<c>publicAccessBlock</c>, null when none is set); a target of another account does not exist here.</summary>
    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        var owner = (await c.Aws.WhoAmIAsync(ct).ConfigureAwait(false)).Account;
        if (owner != t.Id) return new JsonObject { ["exists"] = false, ["account"] = t.Id };
        JsonObject? block = null;
        try
        {
            var (b, _) = await c.Aws.S3Control().GetPublicAccessBlockAsync(owner, ct).ConfigureAwait(false);
            block = new JsonObject
            {
                ["BlockPublicAcls"] = b.BlockPublicAcls, ["IgnorePublicAcls"] = b.IgnorePublicAcls,
                ["BlockPublicPolicy"] = b.BlockPublicPolicy, ["RestrictPublicBuckets"] = b.RestrictPublicBuckets,
            };
        }
        catch (AwsServiceError e) when (e.Code is "NoSuchPublicAccessBlockConfiguration")
        {
        }
        return new JsonObject { ["exists"] = true, ["account"] = owner, ["publicAccessBlock"] = block };
    }

    /// <summary><c>all</c> while any setting is off: wherever a bucket's own settings leave a door open, the account's do not shut it.</summary>
    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        state["publicAccessBlock"] is JsonObject block && Settings.All(s => block[s]?.GetValue<bool>() == true) ? [] : ["all"];

    public string ExpectedAfter(PlannedAction a) =>
        $"account {a.Target.Id}: Block Public Access fully on (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets); " +
        "a bucket meant to be public is no longer public until rollback";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        if (OpenTo(state).Count == 0) return;
        await PutAsync(c, a, new JsonObject(Settings.Select(s => KeyValuePair.Create(s, (JsonNode?)true))), ct).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var settings = before["publicAccessBlock"] as JsonObject ?? new JsonObject(Settings.Select(s => KeyValuePair.Create(s, (JsonNode?)false)));
        if (!JsonNode.DeepEquals(settings, state["publicAccessBlock"])) await PutAsync(c, a, settings.DeepClone().AsObject(), ct).ConfigureAwait(false);
    }

    private static async Task PutAsync(ContainmentContext c, PlannedAction a, JsonObject settings, CancellationToken ct)
    {
        bool On(string name) => settings[name]?.GetValue<bool>() == true;
        await c.Aws.S3Control().PutPublicAccessBlockAsync(a.Target.Id,
            new AccountPublicAccessBlock(On("BlockPublicAcls"), On("IgnorePublicAcls"), On("BlockPublicPolicy"), On("RestrictPublicBuckets")), ct)
            .ConfigureAwait(false);
        await c.ChangedAsync(a, S3ControlOperations.PutPublicAccessBlock, new JsonObject
        {
            ["account"] = a.Target.Id, ["publicAccessBlockConfiguration"] = settings,
        }).ConfigureAwait(false);
    }
}
