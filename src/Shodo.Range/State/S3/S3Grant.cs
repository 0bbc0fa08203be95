namespace Shodo.Range.State.S3;

/// <summary>
/// One ACL grant. <see cref="GranteeType"/> is CanonicalUser (with <see cref="Grantee"/> the canonical id)
/// or Group (with <see cref="Grantee"/> a group URI such as http://acs.amazonaws.com/groups/global/AllUsers).
/// </summary>
public sealed record S3Grant(string GranteeType, string Grantee, string Permission)
{
    public const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    public const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
}
