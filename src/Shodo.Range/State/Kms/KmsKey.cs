namespace Shodo.Range.State.Kms;

/// <summary>A KMS key of one region: its metadata as DescribeKey shows it, its key policy (named "default") and its grants.</summary>
public sealed class KmsKey
{
    public required string KeyId { get; init; }
    public required string Arn { get; init; }
    public required string AccountId { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public string Description { get; set; } = "";
    public string KeyUsage { get; set; } = "ENCRYPT_DECRYPT";
    public string KeySpec { get; set; } = "SYMMETRIC_DEFAULT";
    public string Origin { get; set; } = "AWS_KMS";
    /// <summary>CUSTOMER for a key created with CreateKey; AWS for an AWS managed key (aws/ebs...).</summary>
    public string KeyManager { get; init; } = "CUSTOMER";
    /// <summary>An AWS managed key's alias (<c>aws/ebs</c>, <c>aws/rds</c>); null for a customer key.</summary>
    public string? Alias { get; init; }
    public string KeyState { get; set; } = "Enabled";
    public bool MultiRegion { get; set; }
    /// <summary>When a key PendingDeletion is to be deleted (ScheduleKeyDeletion), and the waiting period asked for.</summary>
    public DateTimeOffset? DeletionDate { get; set; }
    public int? PendingDeletionWindowInDays { get; set; }
    public required string Policy { get; set; }
    public List<KmsGrant> Grants { get; init; } = [];

    public bool Enabled => KeyState == "Enabled";
}
