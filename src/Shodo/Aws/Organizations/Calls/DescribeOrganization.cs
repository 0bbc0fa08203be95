using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>
/// organizations:DescribeOrganization — the organisation the caller's account belongs to (any account of it may ask): its id
/// and its management account. AWS answers AWSOrganizationsNotInUseException for an account in no organisation.
/// </summary>
public sealed record DescribeOrganization : JsonCall<OrganizationSummary>
{
    public override AwsOperation Operation => OrganizationsOperations.DescribeOrganization;
    public override void Write(JsonObject body) { }
    public override OrganizationSummary Read(JsonElement r) => OrganizationSummary.From(r.GetProperty("Organization"));
}
