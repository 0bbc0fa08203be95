using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>The account's IAM summary (counts, quotas, root MFA) and its alias.</summary>
public sealed class IamAccountCollector : ICollector
{
    public string Name => "iam.account";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.GetAccountSummary, IamOperations.ListAccountAliases];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        await context.AnswerAsync(context.Aws.Iam(), new GetAccountSummary(), ct);
        await context.PagesAsync(context.Aws.Iam(), new ListAccountAliases(), ct);
    }
}
