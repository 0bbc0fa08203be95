namespace Shodo.Aws.Ec2;

/// <summary>
/// The EC2 operations Shodo reads through the SDK client (collection of every enabled region).
/// The mutating ones (StopInstances, CreateSnapshot(s), CreateTags, ModifyInstanceAttribute,
/// CancelSpotInstanceRequests) are declared by the interlock's allowlist.
/// </summary>
public static class Ec2Operations
{
    private static AwsOperation Op(string name) => AwsOperation.Of("ec2", name);

    public static AwsOperation DescribeRegions { get; } = Op("DescribeRegions");
    public static AwsOperation DescribeInstances { get; } = Op("DescribeInstances");
    public static AwsOperation DescribeInstanceAttribute { get; } = Op("DescribeInstanceAttribute");
    public static AwsOperation DescribeInstanceStatus { get; } = Op("DescribeInstanceStatus");
    public static AwsOperation DescribeSpotInstanceRequests { get; } = Op("DescribeSpotInstanceRequests");
    public static AwsOperation DescribeSpotFleetRequests { get; } = Op("DescribeSpotFleetRequests");
    public static AwsOperation DescribeFleets { get; } = Op("DescribeFleets");
    public static AwsOperation DescribeLaunchTemplates { get; } = Op("DescribeLaunchTemplates");
    public static AwsOperation DescribeLaunchTemplateVersions { get; } = Op("DescribeLaunchTemplateVersions");
    public static AwsOperation DescribeKeyPairs { get; } = Op("DescribeKeyPairs");
    public static AwsOperation DescribeSecurityGroups { get; } = Op("DescribeSecurityGroups");
    public static AwsOperation DescribeVolumes { get; } = Op("DescribeVolumes");
    public static AwsOperation DescribeSnapshots { get; } = Op("DescribeSnapshots");
    public static AwsOperation DescribeSnapshotAttribute { get; } = Op("DescribeSnapshotAttribute");
    public static AwsOperation DescribeImageAttribute { get; } = Op("DescribeImageAttribute");
    public static AwsOperation DescribeImages { get; } = Op("DescribeImages");
    public static AwsOperation DescribeAddresses { get; } = Op("DescribeAddresses");
    public static AwsOperation DescribeNetworkInterfaces { get; } = Op("DescribeNetworkInterfaces");
    public static AwsOperation DescribeVpcs { get; } = Op("DescribeVpcs");
    public static AwsOperation DescribeTags { get; } = Op("DescribeTags");

    // Containment (each also on the interlock's allowlist).
    public static AwsOperation StopInstances { get; } = Op("StopInstances");
    public static AwsOperation StartInstances { get; } = Op("StartInstances");
    public static AwsOperation CreateSnapshots { get; } = Op("CreateSnapshots");
    public static AwsOperation CreateTags { get; } = Op("CreateTags");
    public static AwsOperation ModifyInstanceAttribute { get; } = Op("ModifyInstanceAttribute");
    public static AwsOperation CreateSecurityGroup { get; } = Op("CreateSecurityGroup");
    public static AwsOperation RevokeSecurityGroupEgress { get; } = Op("RevokeSecurityGroupEgress");
    public static AwsOperation CancelSpotInstanceRequests { get; } = Op("CancelSpotInstanceRequests");
    public static AwsOperation CancelSpotFleetRequests { get; } = Op("CancelSpotFleetRequests");
    public static AwsOperation ModifySnapshotAttribute { get; } = Op("ModifySnapshotAttribute");
    /// <summary>Containment (allowlisted): un-shares an AMI the attacker shared (its launchPermission).</summary>
    public static AwsOperation ModifyImageAttribute { get; } = Op("ModifyImageAttribute");
    public static AwsOperation ModifyNetworkInterfaceAttribute { get; } = Op("ModifyNetworkInterfaceAttribute");
    public static AwsOperation AuthorizeSecurityGroupIngress { get; } = Op("AuthorizeSecurityGroupIngress");
    public static AwsOperation ModifySpotFleetRequest { get; } = Op("ModifySpotFleetRequest");
    public static AwsOperation ModifyFleet { get; } = Op("ModifyFleet");
}
