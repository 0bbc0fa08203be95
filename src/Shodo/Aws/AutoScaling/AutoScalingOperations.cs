namespace Shodo.Aws.AutoScaling;

/// <summary>The Auto Scaling operations Shodo sends (botocore autoscaling/2011-01-01, Query protocol, NextToken/MaxRecords paging).</summary>
public static class AutoScalingOperations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("autoscaling", name);

    public static AwsOperation DescribeAutoScalingGroups { get; } = Op("DescribeAutoScalingGroups");
    public static AwsOperation SuspendProcesses { get; } = Op("SuspendProcesses");
    public static AwsOperation ResumeProcesses { get; } = Op("ResumeProcesses");
}
