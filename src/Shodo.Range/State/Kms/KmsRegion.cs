namespace Shodo.Range.State.Kms;

/// <summary>The KMS keys of one region, by key id, in creation order for ListKeys.</summary>
public sealed class KmsRegion
{
    public List<KmsKey> Keys { get; init; } = [];

    public KmsKey? Find(string keyId) => Keys.FirstOrDefault(k => k.KeyId == keyId);
}
