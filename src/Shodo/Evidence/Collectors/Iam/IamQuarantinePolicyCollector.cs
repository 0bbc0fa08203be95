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
    public static IReadOnlyList<string> QuarantinePolicyNames { get; } =
        ["AWSCompromisedKeyQuarantine", "AWSCompromisedKeyQuarantineV2", "AWSCompromisedKeyQuarantineV3"];

    /// <summary>The quarantine policies' ARNs in the partition of the region called (aws-cn, aws-us-gov name them with theirs).</summary>
    public static IReadOnlyList<string> QuarantinePolicyArns(string region) =>
        QuarantinePolicyNames.Select(n => AwsPartition.ManagedPolicyArn(AwsPartition.OfRegion(region), n)).ToList();

    public string Name => "iam.quarantine-policies";
    public CollectorScope Scope => CollectorScope.Global;
    public IReadOnlyList<AwsOperation> Operations { get; } = [IamOperations.ListEntitiesForPolicy];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        foreach (var arn in QuarantinePolicyArns(context.Aws.Region))
            await context.PagesAsync(context.Aws.Iam(), new ListEntitiesForPolicy(arn), ct, "NoSuchEntity");
    }
}
