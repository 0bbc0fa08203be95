using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations;

/// <summary>
/// The AWS Organizations operations Shodo sends (botocore organizations/2016-11-28, JSON 1.1, target prefix
/// AWSOrganizationsV20161128, global: signed for us-east-1), from the management account: the service control
/// policies attached to an account, and the deny Shodo attaches to the accounts the attacker reached. CreatePolicy,
/// AttachPolicy and UpdatePolicy are on the interlock's allowlist; Shodo detaches and deletes no policy.
/// </summary>
public static class OrganizationsOperations
{
    public static AwsServiceModel Service { get; } = new("organizations", "2016-11-28", Global: true, JsonTargetPrefix: "AWSOrganizationsV20161128");

    private static AwsOperation Op(string name) => AwsOperation.Of("organizations", name);

    public static AwsOperation ListPoliciesForTarget { get; } = Op("ListPoliciesForTarget");
    public static AwsOperation ListPolicies { get; } = Op("ListPolicies");
    public static AwsOperation DescribePolicy { get; } = Op("DescribePolicy");
    /// <summary>The organisation and its management account: whether the case's account can pull the organisation's levers.</summary>
    public static AwsOperation DescribeOrganization { get; } = Op("DescribeOrganization");
    /// <summary>The organisation's accounts, for a response in each (respond --organization).</summary>
    public static AwsOperation ListAccounts { get; } = Op("ListAccounts");
    /// <summary>Containment: Shodo's deny SCP for one account (on the allowlist).</summary>
    public static AwsOperation CreatePolicy { get; } = Op("CreatePolicy");
    /// <summary>Containment: attach Shodo's deny SCP to the account it names (on the allowlist).</summary>
    public static AwsOperation AttachPolicy { get; } = Op("AttachPolicy");
    /// <summary>Containment: bring Shodo's SCP up to date, or roll it back to one that denies nothing (on the allowlist).</summary>
    public static AwsOperation UpdatePolicy { get; } = Op("UpdatePolicy");
}
