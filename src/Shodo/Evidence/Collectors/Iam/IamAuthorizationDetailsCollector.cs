using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>Every user, group, role and managed policy with their policies: GetAccountAuthorizationDetails, all pages.</summary>
public sealed class IamAuthorizationDetailsCollector : ICollector
{
    public string Name => "iam.authorization-details";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.GetAccountAuthorizationDetails];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Iam(), new GetAccountAuthorizationDetails(), ct);
}
