namespace Shodo.Range.State.Ec2;

/// <summary>
/// The public AMIs the range knows as instance-store-backed (the range keeps no catalogue of public images; every other
/// AMI id is EBS-backed). An instance launched from one has rootDeviceType <c>instance-store</c>: no root volume, and
/// EC2 refuses to stop it (stopping would wipe the disk). Scenarios launch one with RunInstances as an attacker would.
/// </summary>
public static class InstanceStoreImages
{
    /// <summary>An instance-store-backed Linux AMI (the kind older miners' images still are).</summary>
    public const string Linux = "ami-0e5c29d6d3f8a1b47";

    private static readonly HashSet<string> Ids = [Linux];

    public static string RootDeviceTypeOf(string imageId) => Ids.Contains(imageId) ? "instance-store" : "ebs";
}
