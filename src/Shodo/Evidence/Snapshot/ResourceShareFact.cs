namespace Shodo.Evidence.Snapshot;

/// <summary>
/// An AWS RAM resource share the account owns in a region, with the principals it shares with and the resources it
/// shares, as GetResourceShares and GetResourceShareAssociations answered them.
/// </summary>
public sealed record ResourceShareFact(string Region, string Arn, string Name, string? Status, bool AllowExternalPrincipals,
    DateTimeOffset? CreationTime, IReadOnlyList<SharePrincipalFact> Principals, IReadOnlyList<string> Resources, string Evidence)
{
    /// <summary>The principals outside the owner's organisation the share is (or is being) associated with.</summary>
    public IEnumerable<SharePrincipalFact> OpenToOutside => Principals.Where(p => p.External && p.Status is "ASSOCIATED" or "ASSOCIATING");
}

/// <summary>One principal of a share: an account id or an organisation, OU or IAM ARN; External when outside the organisation.</summary>
public sealed record SharePrincipalFact(string Entity, bool External, string? Status, DateTimeOffset? Since);
