using Shodo.Range.Serving;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// AWS Organizations over JSON 1.1 (X-Amz-Target: AWSOrganizationsV20161128.Op), global (events in us-east-1).
/// Each operation is one <see cref="OrganizationsAction"/> file, listed here.
/// </summary>
public sealed class OrganizationsService() : JsonService(TargetPrefix,
[
    new DescribeOrganization(),
    new ListAccounts(),
    new ListRoots(),
    new ListPolicies(),
    new ListPoliciesForTarget(),
    new ListTargetsForPolicy(),
    new DescribePolicy(),
    new CreatePolicy(),
    new AttachPolicy(),
    new DetachPolicy(),
    new UpdatePolicy(),
    new EnableAWSServiceAccess(),
    new ListAWSServiceAccessForOrganization(),
])
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";

    public override string Name => "organizations";
    public override string EventSource => "organizations.amazonaws.com";
    public override bool IsGlobal => true;
}
