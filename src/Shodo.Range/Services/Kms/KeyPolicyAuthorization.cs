using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// The key policy's part in authorizing a call on a key (the caller's IAM policies have already allowed it in the caller's
/// account, or the call would not have reached the handler). As KMS evaluates it: an explicit Deny naming the caller, its
/// account or everyone refuses; otherwise some Allow must name the caller itself (its user or role ARN), its account
/// (<c>arn:aws:iam::ACCOUNT:root</c> or the bare id: the delegation to IAM, which has allowed it) or everyone (<c>*</c>).
/// So a caller of the key's own account is refused only when the policy lacks the root delegation and names neither it
/// nor everyone, and a caller of another account needs the key policy to name its account or itself, and its own IAM
/// policy. A statement with a Condition is not weighed (the range evaluates no KMS condition keys): it allows nobody and
/// denies nobody. AccessDeniedException as KMS words it.
/// </summary>
internal static class KeyPolicyAuthorization
{
    public static void Authorize(AwsCall call, KmsKey key)
    {
        var action = "kms:" + call.Operation.Name;
        var statements = Statements(key.Policy);
        var applying = statements.Where(s => s["Condition"] is null && Acts(s, action) && Names(s, call)).ToList();
        if (applying.Any(s => s["Effect"]?.ToString() == "Deny"))
            throw Denied(call, key, action, "with an explicit deny in a resource-based policy");
        if (!applying.Any(s => s["Effect"]?.ToString() == "Allow"))
            throw Denied(call, key, action, $"because no resource-based policy allows the {action} action");
    }

    private static AwsError Denied(AwsCall call, KmsKey key, string action, string why) =>
        new("AccessDeniedException", $"User: {call.Caller.Arn} is not authorized to perform: {action} on resource: {key.Arn} {why}");

    private static List<JsonObject> Statements(string policy)
    {
        try
        {
            return JsonNode.Parse(policy)?["Statement"] switch
            {
                JsonArray a => a.OfType<JsonObject>().ToList(),
                JsonObject o => [o],
                _ => [],
            };
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool Acts(JsonObject statement, string action) => Values(statement["Action"]).Any(pattern => Matches(pattern, action));

    /// <summary>An IAM action pattern (<c>*</c>, <c>kms:*</c>, <c>kms:Describe*</c>), case-insensitive.</summary>
    private static bool Matches(string pattern, string action)
    {
        if (pattern == "*") return true;
        var star = pattern.IndexOf('*');
        return star < 0 ? pattern.Equals(action, StringComparison.OrdinalIgnoreCase)
            : action.StartsWith(pattern[..star], StringComparison.OrdinalIgnoreCase) && star == pattern.Length - 1;
    }

    private static bool Names(JsonObject statement, AwsCall call)
    {
        var principal = statement["Principal"];
        var named = principal is JsonValue ? Values(principal) : Values(principal?["AWS"]);
        var caller = call.Caller;
        var partition = call.Request.Partition;
        var root = $"arn:{partition}:iam::{caller.AccountId}:root";
        // The role behind a session, by its ARN (with its path) in the caller's own account.
        var role = caller.RoleName is { } name ? call.State.Iam.Role(name)?.Arn : null;
        return named.Any(p => p == "*" || p == root || p == caller.AccountId || p == caller.Arn || p == role);
    }

    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(v => v?.ToString()).OfType<string>().ToList(),
        JsonValue v => [v.ToString()],
        _ => [],
    };
}
