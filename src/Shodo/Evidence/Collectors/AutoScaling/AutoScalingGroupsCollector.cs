using Shodo.Aws;
using Shodo.Aws.AutoScaling;
using Shodo.Aws.AutoScaling.Calls;
using Shodo.Aws.AutoScaling.Model;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.AutoScaling;

/// <summary>
/// The region's Auto Scaling groups: launch template, capacity, members, suspended processes — what would terminate
/// a stopped attacker instance and launch it again.
/// </summary>
public sealed class AutoScalingGroupsCollector : ICollector, ISnapshotPart
{
    public string Name => "autoscaling.groups";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [AutoScalingOperations.DescribeAutoScalingGroups];

    public Task CollectAsync(CollectionContext context, CancellationToken ct) =>
        context.PagesAsync(context.Aws.AutoScaling(context.ClientRegion), new DescribeAutoScalingGroups(), ct);

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("autoscaling", "DescribeAutoScalingGroups", a =>
        {
            var result = a.Body.Descendants("DescribeAutoScalingGroupsResult").FirstOrDefault() ?? a.Body;
            foreach (var g in new DescribeAutoScalingGroups().Read(result))
                s.AutoScalingGroups.Add(Fact(a.Record.Region ?? "", g, a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.AutoScalingGroups, g => (g.Region, g.Name));
    }

    private static AutoScalingGroupFact Fact(string region, AutoScalingGroup g, string evidence) => new(region, g.AutoScalingGroupName,
        g.LaunchTemplateName, g.DesiredCapacity, g.Instances.Select(i => i.InstanceId).ToList(), g.SuspendedProcesses, g.CreatedTime, evidence);
}
