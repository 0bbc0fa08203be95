using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Evidence.Collectors.Iam;

/// <summary>
/// Whether AWS (or someone) already attached an AWS quarantine policy, and to whom: AWS attaches
/// AWSCompromisedKeyQuarantine(V2/V3) to a user whose key it found exposed. ListEntitiesForPolicy
/// for each; a policy the partition does not have (NoSuchEntity) is a fact.
/// </summary>
public sealed class IamQuarantinePolicyCollector : ICollector
{
    public static IReadOnlyList<string> QuarantinePolicyArns { get; } =
    [
        "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantine",
        "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV2",
        "arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantineV3",
    ];

    public string Name => "iam.quarantine-policies";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.ListEntitiesForPolicy];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        foreach (var arn in QuarantinePolicyArns)
            await context.PagesAsync(context.Aws.Iam(), new ListEntitiesForPolicy(arn), ct, "NoSuchEntity");
    }
}
