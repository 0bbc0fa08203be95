using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.Kms;
using Shodo.Aws.Kms.Calls;
using Shodo.Aws.S3;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Doors;

/// <summary>
/// A KMS key whose policy lets an outside account (or everyone, <c>all</c>) use it — decrypt a copy of a snapshot it encrypts,
/// or grant itself the key. CloudTrail's PutKeyPolicy event holds the new policy, never the one it replaced, so the policy
/// from before the attacker's change cannot be known: closing removes exactly the outside accounts' principals from the
/// policy as read when applying (a statement naming only them goes; the account's own statements stay as they are), with
/// PutKeyPolicy and never bypassing KMS's lockout safety check. Principals are read as a bucket policy's
/// (<see cref="BucketPolicyGrants"/>: conditions not weighed). Re-opened by rollback with the journaled policy, exactly.
/// </summary>
public sealed class KmsKeyPolicyDoor : IDataDoor
{
    public string Kind => TargetKinds.KmsKeyPolicy;

    public IReadOnlyList<AwsOperation> Operations => [KmsOperations.GetKeyPolicy, KmsOperations.PutKeyPolicy];

    public string HowToReverse => "shodo rollback puts back the key policy exactly as journaled";

    public async Task<JsonObject> ReadAsync(ContainmentContext c, ContainmentTarget t, CancellationToken ct)
    {
        var owner = (await c.Aws.WhoAmIAsync(ct).ConfigureAwait(false)).Account;
        try
        {
            var policy = await c.Aws.Json(KmsOperations.Service, t.Region).SendAsync(new GetKeyPolicy(t.Id), ct).ConfigureAwait(false);
            return new JsonObject { ["exists"] = true, ["keyId"] = t.Id, ["region"] = t.Region, ["owner"] = owner, ["policy"] = policy };
        }
        catch (AwsServiceError e) when (e.Code is "NotFoundException")
        {
            return new JsonObject { ["exists"] = false, ["keyId"] = t.Id, ["region"] = t.Region };
        }
    }

    /// <summary>
    /// Whom the policy's Allow statements let in, outside the key's account. A Deny naming one of them does not count as
    /// shutting it out: it may deny one action only (kms:ScheduleKeyDeletion) and leave kms:Decrypt allowed.
    /// </summary>
    public IReadOnlyList<string> OpenTo(JsonObject state) =>
        BucketPolicyGrants.Allowed(BucketPolicyGrants.Parse((string?)state["policy"]), (string?)state["owner"]);

    public string ExpectedAfter(PlannedAction a) =>
        $"KMS key {a.Target.Id} lets no other account use it: the outside accounts' principals removed from its policy (listed at apply time)";

    public async Task CloseAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var open = OpenTo(state);
        if (open.Count == 0 || BucketPolicyGrants.Parse((string?)state["policy"]) is not { } policy) return;
        var closed = Without(policy, open, (string?)state["owner"]).ToJsonString();
        await c.Aws.Json(KmsOperations.Service, a.Target.Region).SendAsync(new PutKeyPolicy(a.Target.Id, closed), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, KmsOperations.PutKeyPolicy, new JsonObject
        {
            ["keyId"] = a.Target.Id, ["removed"] = new JsonArray(open.Select(v => (JsonNode)v!).ToArray()), ["policy"] = closed,
        }).ConfigureAwait(false);
    }

    public async Task ReopenAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if ((string?)before["policy"] is not { } policy || policy == (string?)state["policy"]) return;
        await c.Aws.Json(KmsOperations.Service, a.Target.Region).SendAsync(new PutKeyPolicy(a.Target.Id, policy), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, KmsOperations.PutKeyPolicy, new JsonObject { ["keyId"] = a.Target.Id, ["policy"] = policy }).ConfigureAwait(false);
    }

    /// <summary>
    /// The policy with every principal of the <paramref name="outside"/> accounts (or <c>*</c>, for <c>all</c>) taken out of its
    /// Allow statements; a statement left with no principal is dropped. Deny statements and everything else stay as written.
    /// </summary>
    public static JsonObject Without(JsonObject policy, IReadOnlyList<string> outside, string? owner)
    {
        var copy = policy.DeepClone().AsObject();
        var statements = BucketPolicyGrants.Statements(copy).ToList();
        var kept = new JsonArray();
        foreach (var s in statements)
        {
            var statement = s.DeepClone().AsObject();
            if ((string?)statement["Effect"] == "Allow" && !Narrow(statement, outside, owner)) continue;
            kept.Add(statement);
        }
        copy["Statement"] = kept;
        return copy;
    }

    /// <summary>Takes the outside principals out of one Allow statement; false when none is left.</summary>
    private static bool Narrow(JsonObject statement, IReadOnlyList<string> outside, string? owner)
    {
        bool Outside(string principal) =>
            BucketPolicyGrants.Allowed(new JsonObject { ["Statement"] = new JsonObject { ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = principal } } }, owner)
                .Any(outside.Contains);
        switch (statement["Principal"])
        {
            case JsonValue v when v.ToString() == "*":
                return !outside.Contains(BucketPolicyGrants.Everyone);
            case JsonObject principal when principal["AWS"] is { } aws:
                var left = Shodo.Aws.Policy.PolicyGrant.Strings(aws).Where(p => !Outside(p)).ToList();
                if (left.Count == 0) principal.Remove("AWS");
                else principal["AWS"] = left.Count == 1 ? left[0] : new JsonArray(left.Select(p => (JsonNode)p!).ToArray());
                return principal.Count > 0;
            default:
                return true;
        }
    }
}
