using Shodo.Aws.Policy;
using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Whether outside accounts may use the KMS key that encrypts a copy they were given (an EBS snapshot shared with them):
/// without the key the copy cannot be read. Evaluated as KMS does from the collected key: a grant to a principal of the
/// account for Decrypt, CreateGrant (with which it grants itself Decrypt) or ReEncryptFrom; or a key policy statement that
/// allows the account (or everyone) kms:Decrypt or kms:CreateGrant, its Condition weighed for that account
/// (<see cref="PolicyConditions"/>: a statement for everyone held to the accounts its <c>kms:CallerAccount</c> names, ...).
/// An AWS managed key is used by its own account only. "Unknown" when the key, or its policy, was not read, or when the
/// policy lets the account in only under a condition not decided from what was collected (named).
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
        var undecided = new List<ReachGap>();
        var owner = ReadAccess.Account(key.Arn);
        foreach (var account in accounts)
        {
            var conditions = new List<string>();
            foreach (var action in new[] { "kms:Decrypt", "kms:CreateGrant" })
            {
                var grant = PolicyGrant.Under(key.Policy, action, key.Arn, p => ReadAccess.Names(p, a => a == "*" || ReadAccess.Account(a) == account),
                    new PolicyCaller(account, owner));
                if (grant?.Grant == Grant.Allow) { through.Add($"key policy of KMS key {name}: account {account}"); conditions.Clear(); break; }
                if (grant?.Conditional == true) conditions.AddRange(grant.OnlyUnder);
            }
            if (conditions.Count > 0)
                undecided.Add(ReachGap.Of("ReachKeyPolicyOnlyUnder", name, account, string.Join("; ", conditions.Distinct(StringComparer.Ordinal))));
        }
        if (through.Count > 0) return ReadReach.Yes(through);
        return undecided.Count > 0 ? new ReadReach(null, [], undecided) : new ReadReach(false, [], []);
    }
}
