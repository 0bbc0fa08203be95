using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// CreateGrant: lets a grantee principal (of this or another account) use the key for the operations named. With a
/// Name, a retry with the same grantee, operations and constraints answers the same grant (KMS's idempotency).
/// The event records the grant's id, never its token.
/// </summary>
internal sealed partial class CreateGrant : KmsAction
{
    public override string Name => "CreateGrant";

    public const int GrantsPerKey = 50000;

    private static readonly string[] Operations =
        ["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify",
         "GetPublicKey", "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
         "GenerateMac", "VerifyMac"];

    private static readonly string[] SymmetricOperations =
        ["Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "CreateGrant",
         "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext"];

    [GeneratedRegex(@"^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+$|^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$")]
    private static partial Regex PrincipalArn();

    [GeneratedRegex(@"^[a-zA-Z0-9:/_-]{1,256}$")]
    private static partial Regex GrantName();

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        var grantee = Principal(KmsJson.Required(input, "GranteePrincipal"));
        var retiring = KmsJson.String(input, "RetiringPrincipal") is { } r ? Principal(r) : null;
        var operations = (input["Operations"] as JsonArray)?.Select(o => o?.GetValue<string>()).OfType<string>().ToList() ?? [];
        if (operations.Count == 0)
            throw new AwsError("ValidationException", "1 validation error detected: Value '[]' at 'operations' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (operations.FirstOrDefault(o => !Operations.Contains(o)) is { } unknown)
            throw new AwsError("ValidationException", $"1 validation error detected: Value '[{unknown}]' at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{string.Join(", ", Operations)}]]");
        if (key.KeySpec == "SYMMETRIC_DEFAULT" && operations.FirstOrDefault(o => !SymmetricOperations.Contains(o)) is { } incompatible)
            throw new AwsError("ValidationException", $"Grant operations {incompatible} are not valid for a symmetric encryption KMS key.");
        var name = KmsJson.String(input, "Name");
        if (name is not null && !GrantName().IsMatch(name))
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        var constraints = input["Constraints"] as JsonObject;
        var subset = Context(constraints?["EncryptionContextSubset"]);
        var equals = Context(constraints?["EncryptionContextEquals"]);
        if (key.KeyState == "Disabled") throw new AwsError("DisabledException", $"{key.Arn} is disabled.");
        KmsJson.Usable(key, disabledToo: false);

        var grant = name is null ? null : key.Grants.FirstOrDefault(g => g.Name == name && g.GranteePrincipal == grantee
            && g.RetiringPrincipal == retiring && g.Operations.Order().SequenceEqual(operations.Order())
            && Same(g.EncryptionContextSubset, subset) && Same(g.EncryptionContextEquals, equals));
        if (grant is null)
        {
            if (key.Grants.Count >= GrantsPerKey)
                throw new AwsError("LimitExceededException", $"The request would cause a limit to be exceeded: grants per key ({GrantsPerKey}).");
            grant = call.State.CreateKmsGrant(key, grantee, operations, name, retiring, subset, equals);
        }
        call.ResponseElements = new JsonObject { ["grantId"] = grant.GrantId }; // CloudTrail records the id, never the token
        return new JsonObject { ["GrantToken"] = grant.GrantToken, ["GrantId"] = grant.GrantId };
    }

    private static string Principal(string principal) =>
        PrincipalArn().IsMatch(principal) ? principal
            : throw new AwsError("InvalidArnException", $"ARN does not refer to a valid principal: {principal}");

    private static Dictionary<string, string>? Context(JsonNode? node) =>
        (node as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);

    private static bool Same(Dictionary<string, string>? a, Dictionary<string, string>? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.Count == b.Count && a.All(p => b.GetValueOrDefault(p.Key) == p.Value));
}
