using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// AWS Organizations over JSON 1.1 (X-Amz-Target: AWSOrganizationsV20161128.Op), global (events in us-east-1). An
/// account in no organisation answers AWSOrganizationsNotInUseException to every operation; a member account may
/// only describe the organisation (everything else is the management account's: AccessDeniedException), as AWS does.
/// </summary>
public sealed class OrganizationsService : IAwsService
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";

    private static readonly Dictionary<string, OrganizationsOperation> Operations = new[]
    {
        OrganizationReads.DescribeOrganization,
        OrganizationReads.ListAccounts,
        OrganizationReads.ListRoots,
        PolicyReads.ListPolicies,
        PolicyReads.ListPoliciesForTarget,
        PolicyReads.ListTargetsForPolicy,
        PolicyReads.DescribePolicy,
        PolicyChanges.CreatePolicy,
        PolicyChanges.AttachPolicy,
        PolicyChanges.DetachPolicy,
        PolicyChanges.UpdatePolicy,
    }.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string Name => "organizations";
    public string EventSource => "organizations.amazonaws.com";
    public AwsProtocol Protocol => AwsProtocol.Json;
    public string XmlNamespace => "";
    public bool IsGlobal => true;

    public AwsOperation Resolve(AwsRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        var name = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        if (!Operations.TryGetValue(name, out var op))
            throw new AwsError("UnknownOperationException", $"Unknown operation {name}");
        return new AwsOperation(op.Name, "organizations:" + op.Name, op.ReadOnly, "*");
    }

    public Task<AwsResponse> HandleAsync(AwsCall call, CancellationToken ct)
    {
        var op = Operations[call.Operation.Name];
        var input = JsonBody.Parse(call.Request.Body);
        call.RequestParameters = JsonBody.CamelCase(input);
        JsonObject output;
        lock (call.State.Sync)
        {
            var organization = call.State.Organization ?? throw new AwsError("AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization.");
            if (!op.MembersMayCall && call.AccountId != organization.ManagementAccountId)
                throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
            output = op.Handle(call, organization, input);
        }
        if (!op.ReadOnly) call.ResponseElements = JsonBody.CamelCase(output);
        return Task.FromResult<AwsResponse>(new JsonResult(output));
    }
}

/// <summary>One Organizations operation: its name, whether it only reads, whether a member account may call it, and its handler.</summary>
public sealed record OrganizationsOperation(string Name, bool ReadOnly, Func<AwsCall, RangeOrganization, JsonObject, JsonObject> Handle,
    bool MembersMayCall = false);
