namespace Shodo.Aws.Iam;

/// <summary>
/// The IAM operations Shodo sends (names as in botocore's iam/2010-05-08 model). Reads for
/// collection and investigation; the mutations are the containment ones the interlock allows.
/// Adding an operation: one line here plus one call record in Calls/.
/// </summary>
public static class IamOperations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("iam", name);

    public static AwsOperation ListUsers { get; } = Op("ListUsers");
    public static AwsOperation GetUser { get; } = Op("GetUser");
    public static AwsOperation ListAccessKeys { get; } = Op("ListAccessKeys");
    public static AwsOperation GetAccessKeyLastUsed { get; } = Op("GetAccessKeyLastUsed");
    public static AwsOperation GetLoginProfile { get; } = Op("GetLoginProfile");
    public static AwsOperation ListMFADevices { get; } = Op("ListMFADevices");
    public static AwsOperation ListGroupsForUser { get; } = Op("ListGroupsForUser");
    public static AwsOperation ListUserPolicies { get; } = Op("ListUserPolicies");
    public static AwsOperation GetUserPolicy { get; } = Op("GetUserPolicy");
    public static AwsOperation ListAttachedUserPolicies { get; } = Op("ListAttachedUserPolicies");
    public static AwsOperation ListRoles { get; } = Op("ListRoles");
    public static AwsOperation GetAccountAuthorizationDetails { get; } = Op("GetAccountAuthorizationDetails");
    public static AwsOperation GenerateCredentialReport { get; } = Op("GenerateCredentialReport");
    public static AwsOperation GetCredentialReport { get; } = Op("GetCredentialReport");
    public static AwsOperation GetAccountSummary { get; } = Op("GetAccountSummary");
    public static AwsOperation ListAccountAliases { get; } = Op("ListAccountAliases");
    public static AwsOperation ListEntitiesForPolicy { get; } = Op("ListEntitiesForPolicy");
    public static AwsOperation GetRole { get; } = Op("GetRole");
    public static AwsOperation GetRolePolicy { get; } = Op("GetRolePolicy");
    public static AwsOperation ListAttachedRolePolicies { get; } = Op("ListAttachedRolePolicies");
    public static AwsOperation SimulatePrincipalPolicy { get; } = Op("SimulatePrincipalPolicy");

    // Containment (each also on the interlock's allowlist).
    public static AwsOperation UpdateAccessKey { get; } = Op("UpdateAccessKey");
    public static AwsOperation PutUserPolicy { get; } = Op("PutUserPolicy");
    public static AwsOperation PutRolePolicy { get; } = Op("PutRolePolicy");
    public static AwsOperation AttachUserPolicy { get; } = Op("AttachUserPolicy");
    public static AwsOperation AttachRolePolicy { get; } = Op("AttachRolePolicy");
    public static AwsOperation TagUser { get; } = Op("TagUser");
    public static AwsOperation UpdateLoginProfile { get; } = Op("UpdateLoginProfile");
}
