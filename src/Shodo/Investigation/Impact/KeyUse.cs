using System.Text.Json.Nodes;
using Shodo.Aws.Policy;
using Shodo.Aws.S3;
using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Whether outside accounts may use the KMS key that encrypts a copy they were given (an EBS snapshot shared with them):
/// without the key the copy cannot be read. Evaluated as KMS does from the collected key: a grant to a principal of the
/// account for Decrypt, CreateGrant (with which it grants itself Decrypt) or ReEncryptFrom; or a key policy statement that
/// allows the account (or everyone) kms:Decrypt or kms:CreateGrant — a statement for everyone held to the accounts its
/// <c>kms:CallerAccount</c> condition names. An AWS managed key is used by its own account only. "Unknown" when the key, or
/// its policy, was not read.
/// </summary>
public sealed class KeyUse(AccountSnapshot state)
{
    private static readonly string[] Unlocking = ["Decrypt", "CreateGrant", "ReEncryptFrom"];

    public ReadReach ByOutside(string region, string? keyId, IReadOnlyCollection<string> accounts)
    {
        if (keyId is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyNotNamed")]);
        var key = state.KmsKeys.FirstOrDefault(k => k.Region == region && (k.Arn == keyId || k.KeyId == keyId || keyId.EndsWith("/" + k.KeyId, StringComparison.Ordinal)));
        var name = key?.KeyId ?? keyId[(keyId.LastIndexOf('/') + 1)..];
        if (key is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyNotRead", name)]);
        if (key.KeyManager == "AWS") return new ReadReach(false, [], []);
        var through = key.Grants
            .Where(g => accounts.Contains(ReadAccess.Account(g.GranteePrincipal) ?? "") && g.Operations.Any(o => Unlocking.Contains(o)))
            .Select(g => $"grant {g.GrantId[..Math.Min(12, g.GrantId.Length)]} on KMS key {name} for {g.GranteePrincipal} ({string.Join(", ", g.Operations)})")
            .ToList();
        if (key.Policy is null)
            return through.Count > 0 ? ReadReach.Yes(through) : new ReadReach(null, [], [ReachGap.Of("ReachKeyPolicyNotRead", name)]);
        foreach (var account in accounts)
        {
            var policy = ForCaller(key.Policy, account);
            if (new[] { "kms:Decrypt", "kms:CreateGrant" }.Any(action => PolicyGrant.Of(policy, action, key.Arn,
                    p => ReadAccess.Names(p, a => a == "*" || ReadAccess.Account(a) == account)) == Grant.Allow))
                through.Add($"key policy of KMS key {name}: account {account}");
        }
        return through.Count > 0 ? ReadReach.Yes(through) : new ReadReach(false, [], []);
    }

    /// <summary>The key policy without the statements whose <c>kms:CallerAccount</c> condition leaves <paramref name="account"/> out.</summary>
    private static string ForCaller(string policy, string account)
    {
        if (BucketPolicyGrants.Parse(policy) is not { } document) return policy;
        var kept = BucketPolicyGrants.Statements(document).Where(s => CallerAccounts(s) is not { } callers || callers.Contains(account))
            .Select(s => (JsonNode)s.DeepClone()).ToArray();
        document["Statement"] = new JsonArray(kept);
        return document.ToJsonString();
    }

    private static IReadOnlyList<string>? CallerAccounts(JsonObject statement) =>
        (statement["Condition"] as JsonObject)?.Where(c => c.Key.StartsWith("StringEquals", StringComparison.Ordinal))
        .Select(c => (c.Value as JsonObject)?.FirstOrDefault(k => string.Equals(k.Key, "kms:CallerAccount", StringComparison.OrdinalIgnoreCase)).Value)
        .Where(v => v is not null).Select(v => PolicyGrant.Strings(v).ToList()).FirstOrDefault();
}
