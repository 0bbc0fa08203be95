using System.Text.Json.Nodes;
using Shodo.Range.State.Kms;

namespace Shodo.Range.State;

/// <summary>
/// AWS managed KMS keys (<c>aws/ebs</c>, <c>aws/rds</c>): the key a service encrypts with when no customer key is named. Their
/// policy is AWS's and cannot be changed, so no other account can ever use them — which is why EC2 and RDS refuse to share a
/// snapshot (or an AMI) encrypted with one (<see cref="EncryptedWithAwsManagedKey"/>).
/// </summary>
public sealed partial class RangeState
{
    /// <summary>The services' AWS managed key aliases and what their descriptions say they protect.</summary>
    private static readonly IReadOnlyDictionary<string, (string Service, string Protects)> ManagedAliases = new Dictionary<string, (string, string)>
    {
        ["aws/ebs"] = ("ec2", "EBS volumes"),
        ["aws/rds"] = ("rds", "RDS database volumes"),
    };

    /// <summary>The region's AWS managed key for <paramref name="alias"/> (<c>aws/ebs</c>, <c>aws/rds</c>), created on first use as AWS does.</summary>
    public KmsKey AwsManagedKey(string region, string alias)
    {
        if (!ManagedAliases.TryGetValue(alias, out var managed)) throw new ArgumentException($"Not an AWS managed key alias: {alias}", nameof(alias));
        lock (Sync)
        {
            if (Kms(region).Keys.FirstOrDefault(k => k.Alias == alias) is { } existing) return existing;
            var keyId = Guid.NewGuid().ToString();
            var key = new KmsKey
            {
                KeyId = keyId, Arn = $"arn:{Partition}:kms:{region}:{AccountId}:key/{keyId}", AccountId = AccountId, CreationDate = Clock.Now,
                Description = $"Default key that protects my {managed.Protects} when no other key is defined", KeyManager = "AWS", Alias = alias,
                Policy = ManagedKeyPolicy(region, managed.Service),
            };
            Kms(region).Keys.Add(key);
            return key;
        }
    }

    /// <summary>
    /// Whether something encrypted is encrypted with an AWS managed key: <paramref name="keyId"/> (an ARN or id) names one, or is
    /// absent (the service's default key encrypts what names none). Unencrypted: false. Call under <see cref="Sync"/>.
    /// </summary>
    public bool EncryptedWithAwsManagedKey(string region, bool encrypted, string? keyId)
    {
        if (!encrypted) return false;
        if (keyId is null) return true;
        var id = keyId.Contains(":key/", StringComparison.Ordinal) ? keyId[(keyId.LastIndexOf('/') + 1)..] : keyId;
        return Kms(region).Find(id)?.KeyManager == "AWS";
    }

    /// <summary>The policy AWS gives a service's managed key: the account's principals may use it through that service only.</summary>
    private string ManagedKeyPolicy(string region, string service) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Id"] = $"auto-{service}-1",
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Sid"] = "Allow access through the service for all principals in the account that are authorized to use it",
                ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = "*" },
                ["Action"] = new JsonArray("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"),
                ["Resource"] = "*",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["kms:CallerAccount"] = AccountId, ["kms:ViaService"] = $"{service}.{region}.amazonaws.com" },
                },
            },
            new JsonObject
            {
                ["Sid"] = "Allow direct access to key metadata to the account",
                ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = $"arn:{Partition}:iam::{AccountId}:root" },
                ["Action"] = new JsonArray("kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"),
                ["Resource"] = "*",
            }),
    }.ToJsonString();
}
