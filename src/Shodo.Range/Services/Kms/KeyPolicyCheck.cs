using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// What KMS checks in a key policy it is given: a JSON policy document with statements, and — unless
/// BypassPolicyLockoutSafetyCheck — the policy lockout safety check: some Allow statement lets the caller (or its
/// account's root) call kms:PutKeyPolicy later (MalformedPolicyDocumentException otherwise).
/// </summary>
internal static class KeyPolicyCheck
{
    public static void Check(AwsCall call, string policy, bool bypassLockoutCheck)
    {
        JsonObject document;
        try { document = JsonNode.Parse(policy) as JsonObject ?? throw new JsonException(); }
        catch (JsonException) { throw Malformed("The policy is not valid JSON."); }
        var statements = document["Statement"] switch
        {
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => [o],
            _ => throw Malformed("Policy contains no statement."),
        };
        if (bypassLockoutCheck) return;
        if (!statements.Any(s => Allows(s, call))) throw Malformed("The new key policy will not allow you to update the key policy in the future.");
    }

    private static bool Allows(JsonObject statement, AwsCall call)
    {
        if (statement["Effect"]?.GetValue<string>() != "Allow") return false;
        var actions = Values(statement["Action"]);
        if (!actions.Any(a => a is "*" or "kms:*" or "kms:PutKeyPolicy" || a.Equals("kms:PutKeyPolicy", StringComparison.OrdinalIgnoreCase)))
            return false;
        var principal = statement["Principal"];
        var principals = principal is JsonValue ? Values(principal) : Values(principal?["AWS"]);
        var root = $"arn:{call.Request.Partition}:iam::{call.AccountId}:root";
        return principals.Any(p => p == "*" || p == root || p == call.AccountId || p == call.Caller.Arn);
    }

    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(v => v?.GetValue<string>()).OfType<string>().ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static AwsError Malformed(string message) => new("MalformedPolicyDocumentException", message);
}
