using System.Text.Json.Nodes;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Actions;

namespace Shodo.Containment.Reads;

/// <summary>
/// An IAM user as containment sees it: whether it exists (and its UserId: a user deleted and re-created
/// under the same name is a different user), its access keys with their status, Shodo's inline policy,
/// its console password's login profile (whether one exists, when it was made, whether a reset is required;
/// null when there is none) and its tags. Reads only.
/// </summary>
public static class UserState
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string userName, bool keys, bool policy,
        CancellationToken ct, bool login = false)
    {
        var iam = context.Aws.Iam();
        var user = await iam.FindAsync(new GetUser(userName), ct).ConfigureAwait(false);
        if (user is null) return new JsonObject { ["exists"] = false, ["userName"] = userName };
        var state = new JsonObject
        {
            ["exists"] = true, ["userName"] = user.UserName, ["userId"] = user.UserId, ["arn"] = user.Arn,
            ["tags"] = new JsonObject(user.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (keys)
        {
            var list = await iam.ListAllAsync(new ListAccessKeys(userName), ct).ConfigureAwait(false);
            state["accessKeys"] = new JsonArray(list.OrderBy(k => k.AccessKeyId, StringComparer.Ordinal)
                .Select(k => (JsonNode)new JsonObject { ["accessKeyId"] = k.AccessKeyId, ["status"] = k.Status }).ToArray());
        }
        if (policy)
        {
            var inline = await iam.FindAsync(new GetUserPolicy(userName, ContainmentTags.PolicyName(context.CaseId)), ct)
                .ConfigureAwait(false);
            state["shodoPolicy"] = inline?.Document;
        }
        if (login)
        {
            var profile = await iam.FindAsync(new GetLoginProfile(userName), ct).ConfigureAwait(false);
            state["loginProfile"] = profile is null ? null : new JsonObject
            {
                ["createDate"] = profile.CreateDate?.ToUniversalTime().ToString("O"),
                ["passwordResetRequired"] = profile.PasswordResetRequired,
            };
        }
        return state;
    }

    /// <summary>The login profile read with <c>login: true</c>, or null when the user has no console password.</summary>
    public static JsonObject? LoginProfile(JsonObject state) => state["loginProfile"] as JsonObject;

    public static bool Exists(JsonObject state) => (bool?)state["exists"] == true;

    public static IEnumerable<(string Id, string Status)> Keys(JsonObject state) =>
        (state["accessKeys"] as JsonArray ?? []).Select(k => ((string)k!["accessKeyId"]!, (string)k["status"]!));
}
