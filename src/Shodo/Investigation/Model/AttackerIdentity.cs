namespace Shodo.Investigation.Model;

/// <summary>
/// An identity the attacker used or created: a user, an access key (long-term or temporary), a role
/// session, a console password. <see cref="Confidence"/> separates what the events prove from what
/// a pivot on addresses and user agents only suggests.
/// </summary>
public sealed record AttackerIdentity
{
    /// <summary>Stable id inside the case: <c>user:NAME</c>, <c>access-key:AKIA...</c>, <c>session-key:ASIA...</c>, <c>role:NAME</c>, <c>login-profile:USER</c>.</summary>
    public required string Id { get; init; }
    public required IdentityKind Kind { get; init; }
    /// <summary>User or role name, or the key id.</summary>
    public required string Name { get; init; }
    public string? Arn { get; init; }
    public string? AccessKeyId { get; init; }
    /// <summary>For keys, sessions and login profiles: the IAM user (or role) they belong to.</summary>
    public string? Owner { get; init; }
    public required Confidence Confidence { get; init; }
    /// <summary>True when the attacker created it (CreateUser, CreateAccessKey, GetSessionToken, ...).</summary>
    public bool CreatedByAttacker { get; init; }
    /// <summary>The identity id that created or minted it.</summary>
    public string? CreatedBy { get; init; }
    /// <summary>One sentence a non-specialist understands: why this identity is the attacker's.</summary>
    public required string Reason { get; init; }
    /// <summary><see cref="Reason"/> in each report language (en, ja).</summary>
    public IReadOnlyDictionary<string, string>? Reasons { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public IReadOnlyList<string> SourceIps { get; init; } = [];
    public IReadOnlyList<string> UserAgents { get; init; } = [];
    /// <summary>The events that support it (CloudTrail eventIDs).</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];
}

public enum IdentityKind { User, AccessKey, SessionKey, Role, LoginProfile, Root }

/// <summary>Confirmed: events prove the attacker used or created it. Related: seen from the attacker's
/// addresses or user agents, not proven; never contained automatically.</summary>
public enum Confidence { Confirmed, Related }
