using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>KMS input members, key lookup as KMS resolves a KeyId, and the KeyMetadata and GrantListEntry shapes.</summary>
internal static class KmsJson
{
    public static string? String(JsonObject input, string member) => CloudTrailJson.String(input, member);

    public static string Required(JsonObject input, string member) =>
        String(input, member) is { Length: > 0 } s ? s
            : throw new AwsError("ValidationException", $"1 validation error detected: Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];

    /// <summary>The operations KMS lets a principal of another account call on a key (by its ARN), as the KMS developer guide lists them.</summary>
    private static readonly HashSet<string> CrossAccount = new(StringComparer.Ordinal) { "DescribeKey", "CreateGrant", "ListGrants", "RevokeGrant", "RetireGrant" };

    /// <summary>
    /// The key a KeyId names in the call's region and account: a key id or a key ARN — for the operations KMS allows across
    /// accounts, a key ARN of another account of the organisation the range serves, too (the call is then recorded in the
    /// key's account as well). An alias names no key the range holds (NotFoundException), an ARN that is not a KMS key's is
    /// InvalidArnException, as KMS answers. Unless <paramref name="keyPolicyDecides"/> is false (RetireGrant: the grant
    /// decides), the key policy must allow the call too (<see cref="KeyPolicyAuthorization"/>).
    /// </summary>
    public static KmsKey Key(AwsCall call, string keyId, bool keyPolicyDecides = true)
    {
        var key = Find(call, keyId);
        if (keyPolicyDecides) KeyPolicyAuthorization.Authorize(call, key);
        return key;
    }

    private static KmsKey Find(AwsCall call, string keyId)
    {
        var id = keyId;
        if (keyId.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = keyId.Split(':', 6);
            if (parts.Length != 6 || parts[2] != "kms" || !parts[5].StartsWith("key/", StringComparison.Ordinal) && !parts[5].StartsWith("alias/", StringComparison.Ordinal))
                throw new AwsError("InvalidArnException", $"Invalid arn {keyId}");
            if (parts[3] == call.Region && parts[4] != call.AccountId && parts[5].StartsWith("key/", StringComparison.Ordinal)
                && CrossAccount.Contains(call.Operation.Name) && call.State.Organization?.Account(parts[4])?.State is { } owner)
            {
                call.AlsoRecordIn = owner; // CloudTrail records a cross-account call in the key's account too
                return owner.Kms(call.Region).Find(parts[5]["key/".Length..]) ?? throw new AwsError("NotFoundException", $"Key '{keyId}' does not exist");
            }
            if (parts[3] != call.Region || parts[4] != call.AccountId)
                throw new AwsError("NotFoundException", $"Key '{keyId}' does not exist");
            id = parts[5]["key/".Length..];
            if (parts[5].StartsWith("alias/", StringComparison.Ordinal))
                throw new AwsError("NotFoundException", $"Alias {keyId} is not found.");
        }
        else if (keyId.StartsWith("alias/", StringComparison.Ordinal))
            throw new AwsError("NotFoundException", $"Alias arn:{call.Request.Partition}:kms:{call.Region}:{call.AccountId}:{keyId} is not found.");
        else if (!Guid.TryParse(keyId, out _) && !keyId.StartsWith("mrk-", StringComparison.Ordinal))
            throw new AwsError("NotFoundException", $"Invalid keyId '{keyId}'");
        return call.State.Kms(call.Region).Find(id)
               ?? throw new AwsError("NotFoundException", $"Key '{KeyArn(call, id)}' does not exist");
    }

    private static string KeyArn(AwsCall call, string id) => $"arn:{call.Request.Partition}:kms:{call.Region}:{call.AccountId}:key/{id}";

    /// <summary>The key must be usable for the operation: PendingDeletion and the like refuse (KMSInvalidStateException).</summary>
    public static void Usable(KmsKey key, bool disabledToo = true)
    {
        if (key.KeyState == "Enabled" || (disabledToo && key.KeyState == "Disabled")) return;
        throw KeyStateChanges.InvalidState(key);
    }

    public static JsonObject Metadata(KmsKey key)
    {
        var m = new JsonObject
        {
            ["AWSAccountId"] = key.AccountId,
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["CreationDate"] = CloudTrailJson.Epoch(key.CreationDate),
            ["Enabled"] = key.Enabled,
            ["Description"] = key.Description,
            ["KeyUsage"] = key.KeyUsage,
            ["KeyState"] = key.KeyState,
            ["Origin"] = key.Origin,
            ["KeyManager"] = key.KeyManager,
            ["CustomerMasterKeySpec"] = key.KeySpec,
            ["KeySpec"] = key.KeySpec,
            ["MultiRegion"] = key.MultiRegion,
        };
        if (key.DeletionDate is { } deletion) m["DeletionDate"] = CloudTrailJson.Epoch(deletion);
        if (key.PendingDeletionWindowInDays is { } window) m["PendingDeletionWindowInDays"] = window;
        if (key.KeySpec == "SYMMETRIC_DEFAULT") m["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT");
        return m;
    }

    public static JsonObject Grant(KmsKey key, KmsGrant grant)
    {
        var g = new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["GrantId"] = grant.GrantId,
            ["CreationDate"] = CloudTrailJson.Epoch(grant.CreationDate),
            ["GranteePrincipal"] = grant.GranteePrincipal,
            ["IssuingAccount"] = grant.IssuingAccount,
            ["Operations"] = new JsonArray(grant.Operations.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()),
        };
        if (grant.Name is not null) g["Name"] = grant.Name;
        if (grant.RetiringPrincipal is not null) g["RetiringPrincipal"] = grant.RetiringPrincipal;
        var constraints = new JsonObject();
        if (grant.EncryptionContextSubset is { } subset) constraints["EncryptionContextSubset"] = Context(subset);
        if (grant.EncryptionContextEquals is { } equals) constraints["EncryptionContextEquals"] = Context(equals);
        if (constraints.Count > 0) g["Constraints"] = constraints;
        return g;
    }

    private static JsonObject Context(Dictionary<string, string> context) =>
        new(context.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    /// <summary>Limit (1–1000, default 100) and Marker (an index this range handed out) of a List* call.</summary>
    public static (int Start, int Limit) Page(JsonObject input)
    {
        var limit = 100;
        if (input["Limit"] is JsonValue l)
        {
            if (!l.TryGetValue<int>(out limit) || limit is < 1 or > 1000)
                throw new AwsError("ValidationException", "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        var start = 0;
        if (String(input, "Marker") is { } marker && (!int.TryParse(marker, out start) || start < 0))
            throw new AwsError("InvalidMarkerException", "Invalid marker");
        return (start, limit);
    }

    /// <summary>One page of items with NextMarker and Truncated, as ListKeys and ListGrants answer.</summary>
    public static JsonObject Paged(string member, IReadOnlyList<JsonNode> items, int start, int limit)
    {
        var page = items.Skip(start).Take(limit).ToArray();
        var truncated = start + limit < items.Count;
        var result = new JsonObject { [member] = new JsonArray(page), ["Truncated"] = truncated };
        if (truncated) result["NextMarker"] = (start + limit).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
