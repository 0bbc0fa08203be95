namespace Shodo.Range.State.Ec2;

/// <summary>An EC2 key pair: created (EC2 kept the private key only long enough to return it) or imported.</summary>
public sealed class KeyPair
{
    public required string KeyPairId { get; init; }
    public required string KeyName { get; init; }
    public required string KeyFingerprint { get; init; }
    public string KeyType { get; init; } = "rsa";
    public string? PublicKey { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
}
