using Shodo.Aws;
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

    private KmsKeyFact? Find(string region, string keyId) =>
        state.KmsKeys.FirstOrDefault(k => k.Region == region && (k.Arn == keyId || k.KeyId == keyId || keyId.EndsWith("/" + k.KeyId, StringComparison.Ordinal)));

    private static string Name(KmsKeyFact? key, string keyId) => key?.KeyId ?? keyId[(keyId.LastIndexOf('/') + 1)..];

    public ReadReach ByOutside(string region, string? keyId, IReadOnlyCollection<string> accounts)
    {
        if (keyId is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyNotNamed")]);
        var key = Find(region, keyId);
        var name = Name(key, keyId);
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
                    new PolicyCaller(account, owner, state.OrganizationId));
                if (grant?.Grant == Grant.Allow) { through.Add($"key policy of KMS key {name}: account {account}"); conditions.Clear(); break; }
                if (grant?.Conditional == true) conditions.AddRange(grant.OnlyUnder);
            }
            if (conditions.Count > 0)
                undecided.Add(ReachGap.Of("ReachKeyPolicyOnlyUnder", name, account, string.Join("; ", conditions.Distinct(StringComparer.Ordinal))));
        }
        if (through.Count > 0) return ReadReach.Yes(through);
        return undecided.Count > 0 ? new ReadReach(null, [], undecided) : new ReadReach(false, [], []);
    }

    /// <summary>
    /// Whether any AWS account may decrypt with the key (what a public grant of its data needs): a key policy statement for
    /// everyone allowing kms:Decrypt whose Condition holds for any caller; grants name principals, never everyone.
    /// </summary>
    public ReadReach ByEveryone(string region, string keyId)
    {
        var key = Find(region, keyId);
        var name = Name(key, keyId);
        if (key is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyNotRead", name)]);
        if (key.KeyManager == "AWS") return new ReadReach(false, [], []);
        if (key.Policy is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyPolicyNotRead", name)]);
        var grant = PolicyGrant.Under(key.Policy, "kms:Decrypt", key.Arn, p => ReadAccess.Names(p, a => a == "*"),
            new PolicyCaller(null, ReadAccess.Account(key.Arn), state.OrganizationId));
        if (grant?.Grant == Grant.Allow) return ReadReach.Yes([$"key policy of KMS key {name}: everyone"]);
        if (grant?.Conditional == true)
            return new ReadReach(null, [], [ReachGap.Of("ReachKeyPolicyEveryoneOnlyUnder", name, string.Join("; ", grant.OnlyUnder))]);
        return new ReadReach(false, [], []);
    }

    /// <summary>
    /// Whether a principal of the key's own account may decrypt with it, as KMS decides: an AWS managed key is used by the
    /// account's principals through its service; a grant to the principal; the key policy naming the principal (or everyone,
    /// its Condition weighed); and only when the key policy lets the account in (the root principal statement) do the
    /// principal's own IAM policies decide (<paramref name="identity"/>: kms:Decrypt on the key). Without that delegation IAM
    /// policies grant nothing on the key, AdministratorAccess included.
    /// </summary>
    public ReadReach ByPrincipal(string region, string keyId, string who, string? principalArn, Func<string, string, IdentityVerdict> identity,
        IReadOnlyList<string>? actions = null)
    {
        actions ??= ["kms:Decrypt"];
        var results = actions.Select(a => ByPrincipal(region, keyId, who, principalArn, identity, a)).ToList();
        return results.FirstOrDefault(r => r.Reachable == true)
               ?? (results.Any(r => r.Reachable is null) ? ReadReach.NoUnless(results.SelectMany(r => r.Unknown)) : results[0]);
    }

    private ReadReach ByPrincipal(string region, string keyId, string who, string? principalArn, Func<string, string, IdentityVerdict> identity, string action)
    {
        var key = Find(region, keyId);
        var name = Name(key, keyId);
        if (key is null) return new ReadReach(null, [], [ReachGap.Of("ReachKeyNotRead", name)]);
        if (key.KeyManager == "AWS") return ReadReach.Yes([$"AWS managed KMS key {name} (the account's own principals)"]);
        var through = key.Grants.Where(g => principalArn is not null && g.GranteePrincipal == principalArn && g.Operations.Any(o => Unlocking.Contains(o)))
            .Select(g => $"grant {g.GrantId[..Math.Min(12, g.GrantId.Length)]} on KMS key {name} for {who}").ToList();
        if (key.Policy is null)
            return through.Count > 0 ? ReadReach.Yes(through) : new ReadReach(null, [], [ReachGap.Of("ReachKeyPolicyNotRead", name)]);
        var own = ReadAccess.Account(key.Arn);
        var caller = new PolicyCaller(own, own, state.OrganizationId);
        bool IsRoot(string a) => a == own || a == $"arn:aws:iam::{own}:root" || AwsPartition.InCommercial(a) == $"arn:aws:iam::{own}:root";
        if (PolicyGrant.Of(key.Policy, action, key.Arn, p => p is not null && ReadAccess.Names(p, a => a == "*" || a == principalArn || IsRoot(a))) == Grant.Deny)
            return new ReadReach(false, [], []);
        if (through.Count > 0) return ReadReach.Yes(through);
        var unknown = new List<ReachGap>();
        var direct = PolicyGrant.Under(key.Policy, action, key.Arn, p => ReadAccess.Names(p, a => a == "*" || a == principalArn), caller);
        if (direct?.Grant == Grant.Allow) return ReadReach.Yes([$"key policy of KMS key {name}: {who}"]);
        if (direct?.Conditional == true) unknown.Add(ReachGap.Of("ReachKeyPolicyPrincipalOnlyUnder", name, who, string.Join("; ", direct.OnlyUnder)));
        var delegated = PolicyGrant.Under(key.Policy, action, key.Arn, p => ReadAccess.Names(p, IsRoot), caller);
        if (delegated?.Grant == Grant.Allow)
        {
            var verdict = identity(action, key.Arn);
            if (verdict.Denied) return new ReadReach(false, [], []);
            if (verdict.Allows.Count > 0)
                return ReadReach.Yes(verdict.Allows.Select(a => $"{a} ({action} on KMS key {name}, whose key policy lets the account's IAM policies decide)"));
            unknown.AddRange(verdict.Unknown);
        }
        else if (delegated?.Conditional == true)
            unknown.Add(ReachGap.Of("ReachKeyPolicyPrincipalOnlyUnder", name, who, string.Join("; ", delegated.OnlyUnder)));
        return ReadReach.NoUnless(unknown);
    }
}
