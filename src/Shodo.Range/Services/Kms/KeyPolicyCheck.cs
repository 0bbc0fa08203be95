using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// What KMS checks in a key policy it is given: a JSON policy document with statements, and — unless
/// BypassPolicyLockoutSafetyCheck — the policy lockout safety check: some Allow statement lets the caller (or its
/// account's root) call kms:PutKeyPolicy later (MalformedPolicyDocumentException otherwise). Every statement names a
/// principal, and the document holds only the characters botocore's PolicyType allows (tab, line feed, carriage return,
/// U+0020–U+00FF): a ValidationException otherwise, as the pattern is checked before the document is read.
/// </summary>
internal static class KeyPolicyCheck
{
    public static void Check(AwsCall call, string policy, bool bypassLockoutCheck)
    {
        if (policy.Any(c => c is not ('\t' or '\n' or '\r') && (c < ' ' || c > '\u00FF')))
            throw new AwsError("ValidationException", "1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        JsonObject document;
        try { document = JsonNode.Parse(policy) as JsonObject ?? throw new JsonException(); }
        catch (JsonException) { throw Malformed("The policy is not valid JSON."); }
        var statements = document["Statement"] switch
        {
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => [o],
            _ => throw Malformed("Policy contains no statement."),
        };
        if (statements.Any(s => s["Principal"] is null && s["NotPrincipal"] is null))
            throw Malformed("Policy contains a statement with no principal.");
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
