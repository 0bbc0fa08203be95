namespace Shodo.Evidence.Snapshot;

/// <summary>
/// The account's Block Public Access as S3 Control's GetPublicAccessBlock answered it: S3 applies each setting to every bucket of
/// the account with the bucket's own (the most restrictive of the two). <paramref name="Configured"/> false, all four off, when the
/// account has none (NoSuchPublicAccessBlockConfiguration).
/// </summary>
public sealed record AccountPublicAccessBlockFact(bool Configured, bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy,
    bool RestrictPublicBuckets, string Evidence);
