using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>Every IAM role with its trust policy (who can assume it: an attacker adds outside accounts here).</summary>
public sealed class IamRolesCollector : ICollector
{
    public string Name => "iam.roles";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.ListRoles];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.Iam(), new ListRoles(), ct);
}
