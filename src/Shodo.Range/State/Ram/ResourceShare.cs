using System.Text.Json.Serialization;

namespace Shodo.Range.State.Ram;

/// <summary>
/// An AWS RAM resource share owned by the account, in one region: the resources it shares and the principals it shares
/// them with (<see cref="Associations"/>, each PRINCIPAL or RESOURCE, in the order they were made).
/// </summary>
public sealed class ResourceShare
{
    public required string Arn { get; init; }
    public required string Name { get; set; }
    public required string Region { get; init; }
    public required string OwningAccountId { get; init; }
    public bool AllowExternalPrincipals { get; init; } = true;
    /// <summary>PENDING, ACTIVE, FAILED, DELETING or DELETED (the range's shares are ACTIVE once created).</summary>
    public string Status { get; set; } = "ACTIVE";
    public required DateTimeOffset CreationTime { get; init; }
    public DateTimeOffset LastUpdatedTime { get; set; }
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<ShareAssociation> Associations { get; } = [];

    public IEnumerable<ShareAssociation> OfType(string type) =>
        Associations.Where(a => string.Equals(a.Type, type, StringComparison.Ordinal));
}

/// <summary>
/// One association of a share: a principal (an account id, an organisation or OU ARN, an IAM ARN) or a resource ARN.
/// <see cref="External"/>: the principal is outside the owner's organisation.
/// </summary>
public sealed class ShareAssociation
{
    public const string Principal = "PRINCIPAL";
    public const string Resource = "RESOURCE";

    public required string Entity { get; init; }
    public required string Type { get; init; }
    /// <summary>ASSOCIATING, ASSOCIATED, FAILED, DISASSOCIATING or DISASSOCIATED.</summary>
    public string Status { get; set; } = "ASSOCIATED";
    public required DateTimeOffset CreationTime { get; init; }
    public DateTimeOffset LastUpdatedTime { get; set; }
    public bool External { get; init; }
    /// <summary>For a resource: its RAM type (<c>ec2:Subnet</c>, <c>rds:Cluster</c>).</summary>
    public string? ResourceType { get; init; }
}
