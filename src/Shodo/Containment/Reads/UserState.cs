using System.Text.Json.Nodes;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Containment.Reads;

/// <summary>
/// An IAM user as containment sees it: whether it exists (and its UserId: a user deleted and re-created
/// under the same name is a different user), its access keys with their status, Shodo's inline policy, whether
/// AWSDenyAll is attached (the fallback when its inline policies are full), its console password's login profile
/// (whether one exists, when it was made, whether a reset is required; null when there is none) and its tags. Reads only.
/// </summary>
public static class UserState
{
    /// <summary>
    /// Reads the user, and with it (all at once: one round trip, not one per question) its keys, Shodo's inline
    /// policy and, with <paramref name="detail"/>, everything else that grants or lets it act — inline policy names,
    /// attached policies, groups and login profile — the principal's before-state as the first move records it.
    /// </summary>
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string userName, bool keys, bool policy,
        CancellationToken ct, bool detail = false, bool login = false)
    {
        var iam = context.Aws.Iam();
        var user = iam.FindAsync(new GetUser(userName), ct);
        var keyList = keys ? iam.ListAllAsync(new ListAccessKeys(userName), ct) : null;
        var inline = policy ? iam.FindAsync(new GetUserPolicy(userName, ContainmentTags.PolicyName(context.CaseId)), ct) : null;
        var names = detail ? iam.ListAllAsync(new ListUserPolicies(userName), ct) : null;
        var attached = detail || policy ? iam.ListAllAsync(new ListAttachedUserPolicies(userName), ct) : null;
        var groups = detail ? iam.ListAllAsync(new ListGroupsForUser(userName), ct) : null;
        var profile = detail || login ? iam.FindAsync(new GetLoginProfile(userName), ct) : null;
        Task[] all = [user, .. new Task?[] { keyList, inline, names, attached, groups, profile }.OfType<Task>()];
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch when (user.IsCompletedSuccessfully && user.Result is null)
        {
            // The user is gone: the questions about it fail with NoSuchEntity, and "it does not exist" is the answer.
        }
        if (await user.ConfigureAwait(false) is not { } found) return new JsonObject { ["exists"] = false, ["userName"] = userName };
        var state = new JsonObject
        {
            ["exists"] = true, ["userName"] = found.UserName, ["userId"] = found.UserId, ["arn"] = found.Arn,
            ["tags"] = new JsonObject(found.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (keyList is not null)
            state["accessKeys"] = new JsonArray((await keyList.ConfigureAwait(false)).OrderBy(k => k.AccessKeyId, StringComparer.Ordinal)
                .Select(k => (JsonNode)new JsonObject { ["accessKeyId"] = k.AccessKeyId, ["status"] = k.Status }).ToArray());
        if (inline is not null)
        {
            state["shodoPolicy"] = (await inline.ConfigureAwait(false))?.Document;
            state[DenyAllPolicy.StateField] = (await attached!.ConfigureAwait(false)).Any(p => DenyAllPolicy.Is(p.PolicyArn));
        }
        if (detail)
        {
            state["inlinePolicies"] = new JsonArray((await names!.ConfigureAwait(false)).Order(StringComparer.Ordinal)
                .Select(n => (JsonNode)n).ToArray());
            state["attachedPolicies"] = new JsonArray((await attached!.ConfigureAwait(false)).OrderBy(p => p.PolicyArn, StringComparer.Ordinal)
                .Select(p => (JsonNode)new JsonObject { ["policyName"] = p.PolicyName, ["policyArn"] = p.PolicyArn }).ToArray());
            state["groups"] = new JsonArray((await groups!.ConfigureAwait(false)).OrderBy(g => g.GroupName, StringComparer.Ordinal)
                .Select(g => (JsonNode)g.GroupName).ToArray());
        }
        if (profile is not null)
            state["loginProfile"] = await profile.ConfigureAwait(false) is { } lp ? new JsonObject
            {
                ["createDate"] = lp.CreateDate?.ToUniversalTime().ToString("O"),
                ["passwordResetRequired"] = lp.PasswordResetRequired,
            } : null;
        return state;
    }

    /// <summary>The login profile read with <c>login: true</c>, or null when the user has no console password.</summary>
    public static JsonObject? LoginProfile(JsonObject state) => state["loginProfile"] as JsonObject;

    public static bool Exists(JsonObject state) => (bool?)state["exists"] == true;

    public static IEnumerable<(string Id, string Status)> Keys(JsonObject state) =>
        (state["accessKeys"] as JsonArray ?? []).Select(k => ((string)k!["accessKeyId"]!, (string)k["status"]!));
}
