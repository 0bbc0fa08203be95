using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.S3;
using Shodo.Aws.S3Control;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// A bucket the attacker opened: a policy (or ACL) letting everyone in, or a policy letting an outside account in.
/// Closed in two moves, each journaled: first the outside accounts the policy lets in are shut out by one added Deny
/// statement (<see cref="DenySid"/>; the attacker's statements stay as written — they are evidence), then Block Public
/// Access is turned fully on, which makes S3 ignore public ACLs and public policies. In that order because S3 refuses a
/// public policy once BlockPublicPolicy is on. Re-opened by rollback in the other order: the Block Public Access settings
/// the bucket had (a bucket that had none gets all four off — S3 treats both alike, and no Delete* joins the interlock's
/// allowlist), then the policy exactly as journaled.
/// </summary>
public sealed class OpenedBucket : IDataDoor
{
    /// <summary>The Sid of the Deny statement Shodo adds; it names every outside account it shuts out.</summary>
    public const string DenySid = "ShodoCloseDataDoor";

    private static readonly string[] Settings = ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"];
    private static readonly string[] PublicGroups =
        ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];

    public string Kind => TargetKinds.Bucket;

    public IReadOnlyList<AwsOperation> Operations =>
    [
        S3Operations.GetBucketAcl, S3Operations.GetBucketPolicy, S3Operations.GetPublicAccessBlock,
        S3Operations.PutBucketPolicy, S3Operations.PutPublicAccessBlock, S3ControlOperations.GetPublicAccessBlock,
    ];

    public string HowToReverse =>
        "shodo rollback puts back the Block Public Access settings the bucket had (none: all four off) and then its policy exactly as journaled";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        var s3 = c.Aws.S3(t.Region);
        var owner = (await c.Aws.WhoAmIAsync(ct).ConfigureAwait(false)).Account;
        GetBucketAclResponse acl;
        try
        {
            acl = await s3.GetBucketAclAsync(new GetBucketAclRequest { BucketName = t.Id }, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code is "NoSuchBucket")
        {
            return new JsonObject { ["exists"] = false, ["bucket"] = t.Id, ["region"] = t.Region };
        }
        // The SDK answers NoSuchBucketPolicy with the 404 rather than an exception.
        var policy = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest { BucketName = t.Id }, ct).ConfigureAwait(false);
        var text = policy.HttpStatusCode == HttpStatusCode.NotFound || string.IsNullOrEmpty(policy.Policy) ? null : policy.Policy;
        JsonObject? block = null;
        try
        {
            var b = (await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = t.Id }, ct).ConfigureAwait(false))
                .PublicAccessBlockConfiguration;
            block = new JsonObject
            {
                ["BlockPublicAcls"] = b?.BlockPublicAcls == true, ["IgnorePublicAcls"] = b?.IgnorePublicAcls == true,
                ["BlockPublicPolicy"] = b?.BlockPublicPolicy == true, ["RestrictPublicBuckets"] = b?.RestrictPublicBuckets == true,
            };
        }
        catch (AwsServiceError e) when (e.Code is "NoSuchPublicAccessBlockConfiguration")
        {
        }
        var (account, accountUnread) = await AccountBlockAsync(c, owner, ct).ConfigureAwait(false);
        var publicAcl = (acl.Grants ?? []).Where(g => g.Grantee?.URI is { } uri && PublicGroups.Contains(uri))
            .Select(g => $"{g.Grantee.URI} {g.Permission?.Value}").ToList();
        return new JsonObject
        {
            ["exists"] = true, ["bucket"] = t.Id, ["region"] = t.Region, ["owner"] = owner,
            ["policy"] = text, ["publicAccessBlock"] = block,
            ["publicAclGrants"] = new JsonArray(publicAcl.Select(g => (JsonNode)g!).ToArray()),
            ["accountPublicAccessBlock"] = account, ["accountPublicAccessBlockNotRead"] = accountUnread,
        };
    }

    /// <summary>
    /// The account's Block Public Access (S3 Control), which S3 combines with the bucket's: null when none is set, or when it could
    /// not be read (the error code is then returned beside it, and the bucket is weighed by its own settings alone: the cautious reading).
    /// </summary>
    private static async Task<(JsonObject? Block, string? NotRead)> AccountBlockAsync(ContainmentContext c, string owner, CancellationToken ct)
    {
        try
        {
            var (b, _) = await c.Aws.S3Control().GetPublicAccessBlockAsync(owner, ct).ConfigureAwait(false);
            return (Json(new PublicAccessBlockSettings(b.BlockPublicAcls, b.IgnorePublicAcls, b.BlockPublicPolicy, b.RestrictPublicBuckets)), null);
        }
        catch (AwsServiceError e) when (e.Code is "NoSuchPublicAccessBlockConfiguration")
        {
            return (null, null);
        }
        catch (AwsServiceError e)
        {
            return (null, e.Code);
        }
    }

    /// <summary>
    /// Whom the bucket lets in (<see cref="BucketOpenTo"/>) under the Block Public Access in effect: the bucket's and the account's
    /// (a before-state journaled without the account's is weighed by the bucket's alone).
    /// </summary>
    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        BucketOpenTo.Of((string?)state["owner"], BucketPolicyGrants.Parse((string?)state["policy"]), state["publicAclGrants"] is JsonArray { Count: > 0 },
            Effective(state));

    private static PublicAccessBlockSettings Effective(JsonObject state) =>
        PublicAccessBlockSettings.Effective(SettingsOf(state["publicAccessBlock"]), SettingsOf(state["accountPublicAccessBlock"]));

    private static PublicAccessBlockSettings? SettingsOf(JsonNode? block)
    {
        if (block is not JsonObject b) return null;
        bool On(string name) => b[name]?.GetValue<bool>() == true;
        return new PublicAccessBlockSettings(On("BlockPublicAcls"), On("IgnorePublicAcls"), On("BlockPublicPolicy"), On("RestrictPublicBuckets"));
    }

    private static JsonObject Json(PublicAccessBlockSettings s) => new()
    {
        ["BlockPublicAcls"] = s.BlockPublicAcls, ["IgnorePublicAcls"] = s.IgnorePublicAcls,
        ["BlockPublicPolicy"] = s.BlockPublicPolicy, ["RestrictPublicBuckets"] = s.RestrictPublicBuckets,
    };

    public string ExpectedAfter(PlannedAction a) =>
        $"bucket {a.Target.Id} lets no one outside the account in: a Deny ({DenySid}) for each outside account its policy lets in, " +
        "and Block Public Access fully on (listed at apply time)";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var open = OpenTo(state);
        if (open.Count == 0) return;
        var s3 = c.Aws.S3(a.Target.Region);
        var accounts = open.Where(p => p != BucketPolicyGrants.Everyone).ToList();
        var block = open.Contains(BucketPolicyGrants.Everyone) || !FullyBlocked(state);
        // Public policies already refused (by the bucket's setting or the account's): S3 would refuse the policy with the Deny too
        // while it holds a public statement, so shut everyone out first. A public policy then needs no Deny: restricted, it lets
        // no outside account in at all.
        var blocksPolicies = Effective(state).BlockPublicPolicy;
        if (block && blocksPolicies)
        {
            await PutBlockAsync(c, a, AllOn(), ct).ConfigureAwait(false);
            block = false;
            if (BucketPolicyGrants.IsPublic(BucketPolicyGrants.Parse((string?)state["policy"]))) accounts = [];
        }
        if (accounts.Count > 0)
        {
            var policy = WithDeny(BucketPolicyGrants.Parse((string?)state["policy"])!, a.Target.Id, accounts).ToJsonString();
            await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = a.Target.Id, Policy = policy }, ct).ConfigureAwait(false);
            await c.ChangedAsync(a, S3Operations.PutBucketPolicy, new JsonObject
            {
                ["bucket"] = a.Target.Id, ["denied"] = new JsonArray(accounts.Select(v => (JsonNode)v!).ToArray()), ["policy"] = policy,
            }).ConfigureAwait(false);
        }
        if (block) await PutBlockAsync(c, a, AllOn(), ct).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        // Absent before: all four off, which S3 treats as no configuration.
        var blockBefore = before["publicAccessBlock"] as JsonObject ?? new JsonObject(Settings.Select(s => KeyValuePair.Create(s, (JsonNode?)false)));
        if (!JsonNode.DeepEquals(blockBefore, state["publicAccessBlock"]))
            await PutBlockAsync(c, a, blockBefore, ct).ConfigureAwait(false);
        if ((string?)before["policy"] is { } policy && policy != (string?)state["policy"])
        {
            await c.Aws.S3(a.Target.Region).PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = a.Target.Id, Policy = policy }, ct)
                .ConfigureAwait(false);
            await c.ChangedAsync(a, S3Operations.PutBucketPolicy, new JsonObject { ["bucket"] = a.Target.Id, ["policy"] = policy })
                .ConfigureAwait(false);
        }
    }

    /// <summary>The policy with Shodo's Deny naming <paramref name="accounts"/> (added to the one an earlier close put, if any).</summary>
    private static JsonObject WithDeny(JsonObject policy, string bucket, IReadOnlyList<string> accounts)
    {
        var copy = policy.DeepClone().AsObject();
        var statements = copy["Statement"] switch
        {
            JsonArray array => array,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => [],
        };
        var earlier = statements.OfType<JsonObject>().FirstOrDefault(s => (string?)s["Sid"] == DenySid);
        var named = BucketPolicyGrants.Denied(new JsonObject { ["Statement"] = earlier?.DeepClone() }, null);
        if (earlier is not null) statements.Remove(earlier);
        statements.Add(new JsonObject
        {
            ["Sid"] = DenySid, ["Effect"] = "Deny",
            ["Principal"] = new JsonObject
            {
                ["AWS"] = new JsonArray(named.Union(accounts).Order(StringComparer.Ordinal).Select(id => (JsonNode)$"arn:aws:iam::{id}:root").ToArray()),
            },
            ["Action"] = "s3:*",
            ["Resource"] = new JsonArray($"arn:aws:s3:::{bucket}", $"arn:aws:s3:::{bucket}/*"),
        });
        copy["Statement"] = statements;
        return copy;
    }

    private static bool FullyBlocked(JsonObject state) =>
        state["publicAccessBlock"] is JsonObject block && Settings.All(s => block[s]?.GetValue<bool>() == true);

    private static JsonObject AllOn() => new(Settings.Select(s => KeyValuePair.Create(s, (JsonNode?)true)));

    private static async Task PutBlockAsync(ContainmentContext c, PlannedAction a, JsonObject settings, CancellationToken ct)
    {
        bool On(string name) => settings[name]?.GetValue<bool>() == true;
        await c.Aws.S3(a.Target.Region).PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
        {
            BucketName = a.Target.Id,
            PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
            {
                BlockPublicAcls = On("BlockPublicAcls"), IgnorePublicAcls = On("IgnorePublicAcls"),
                BlockPublicPolicy = On("BlockPublicPolicy"), RestrictPublicBuckets = On("RestrictPublicBuckets"),
            },
        }, ct).ConfigureAwait(false);
        await c.ChangedAsync(a, S3Operations.PutPublicAccessBlock, new JsonObject
        {
            ["bucket"] = a.Target.Id, ["publicAccessBlockConfiguration"] = settings.DeepClone(),
        }).ConfigureAwait(false);
    }
}
