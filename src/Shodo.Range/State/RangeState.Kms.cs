using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Shodo.Range.State.Kms;

namespace Shodo.Range.State;

/// <summary>KMS: keys per region, each with its key policy and grants.</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, KmsRegion> _kms = new(StringComparer.Ordinal);

    /// <summary>The keys of a region. Call under <see cref="Sync"/>.</summary>
    public KmsRegion Kms(string region)
    {
        if (!_kms.TryGetValue(region, out var keys)) _kms[region] = keys = new KmsRegion();
        return keys;
    }

    /// <summary>
    /// Creates a customer managed symmetric key (as CreateKey does, and as a test or scenario seeds one: no CloudTrail
    /// event here), with the default key policy when none is given: the account's root may do everything (kms:*).
    /// </summary>
    public KmsKey CreateKmsKey(string region, string? policy = null, string description = "", string? keyId = null,
        DateTimeOffset? created = null)
    {
        lock (Sync)
        {
            keyId ??= Guid.NewGuid().ToString();
            var key = new KmsKey
            {
                KeyId = keyId, Arn = $"arn:{Partition}:kms:{region}:{AccountId}:key/{keyId}", AccountId = AccountId,
                CreationDate = created ?? Clock.Now, Description = description, Policy = policy ?? DefaultKeyPolicy(),
            };
            Kms(region).Keys.Add(key);
            return key;
        }
    }

    /// <summary>
    /// Adds a grant (as CreateGrant does; no event here): a 64-hex-digit id and an opaque token, issued by this account.
    /// </summary>
    public KmsGrant CreateKmsGrant(KmsKey key, string granteePrincipal, IEnumerable<string> operations, string? name = null,
        string? retiringPrincipal = null, Dictionary<string, string>? contextSubset = null, Dictionary<string, string>? contextEquals = null)
    {
        lock (Sync)
        {
            var grant = new KmsGrant
            {
                GrantId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                GrantToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)),
                Name = name, CreationDate = Clock.Now, GranteePrincipal = granteePrincipal, RetiringPrincipal = retiringPrincipal,
                IssuingAccount = $"arn:{Partition}:iam::{AccountId}:root", Operations = operations.ToList(),
                EncryptionContextSubset = contextSubset, EncryptionContextEquals = contextEquals,
            };
            key.Grants.Add(grant);
            return grant;
        }
    }

    /// <summary>The policy KMS gives a key created without one (its "default" policy).</summary>
    public string DefaultKeyPolicy() => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Id"] = "key-default-1",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "Enable IAM User Permissions",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:{Partition}:iam::{AccountId}:root" },
            ["Action"] = "kms:*",
            ["Resource"] = "*",
        }),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    public Dictionary<string, KmsRegion> SaveKms() =>
        _kms.Where(r => r.Value.Keys.Count > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    public void LoadKms(Dictionary<string, KmsRegion> regions)
    {
        _kms.Clear();
        foreach (var (name, region) in regions) _kms[name] = region;
    }
}
