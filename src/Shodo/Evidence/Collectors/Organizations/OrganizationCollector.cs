using Shodo.Aws;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Organizations;

/// <summary>
/// The organisation the account belongs to (DescribeOrganization, which any of its accounts may call): a resource policy held
/// to <c>aws:PrincipalOrgID</c> lets in the organisation's principals, not everyone. An account in no organisation answers
/// AWSOrganizationsNotInUseException, stored as the answer it is.
/// </summary>
public sealed class OrganizationCollector : ICollector, ISnapshotPart
{
    public string Name => "organizations.organization";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [OrganizationsOperations.DescribeOrganization];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.AnswerAsync(context.Aws.Json(OrganizationsOperations.Service), new DescribeOrganization(), ct, "AWSOrganizationsNotInUseException");

    /// <summary>The organisation's id (o-...), or none when the answer says the account is in no organisation.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct) =>
        await answers.ForEachJsonAsync("organizations", "DescribeOrganization", a =>
        {
            if (a.Body.TryGetProperty("Organization", out var organization) && organization.TryGetProperty("Id", out var id))
                s.OrganizationId = id.GetString();
            else if (a.Body.TryGetProperty("__type", out var type) && type.GetString()?.EndsWith("AWSOrganizationsNotInUseException", StringComparison.Ordinal) == true)
                s.OrganizationId = "";
        }, ct).ConfigureAwait(false);
}
