namespace Shodo.Range.State.Kms;

/// <summary>A grant on a KMS key, as ListGrants shows it; its token is what the grantee may present before the grant is consistent.</summary>
public sealed class KmsGrant
{
    public required string GrantId { get; init; }
    public required string GrantToken { get; init; }
    public string? Name { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required string GranteePrincipal { get; init; }
    public string? RetiringPrincipal { get; init; }
    /// <summary>The root of the account that created the grant (arn:aws:iam::ACCOUNT:root).</summary>
    public required string IssuingAccount { get; init; }
    public List<string> Operations { get; init; } = [];
    public Dictionary<string, string>? EncryptionContextSubset { get; init; }
    public Dictionary<string, string>? EncryptionContextEquals { get; init; }
}
