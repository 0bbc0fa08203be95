using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>Reads and validates what to launch, for RunInstances and RequestSpotInstances' LaunchSpecification.</summary>
public static class LaunchSpecs
{
    /// <param name="prefix">"" for RunInstances, "LaunchSpecification." for Spot requests.</param>
    public static LaunchSpec From(Ec2Context c, string prefix, string imageId, string? instanceType, string? keyName)
    {
        var p = c.Params;
        if (!Ec2Ids.IsWellFormed(imageId, "ami")) throw Ec2Errors.Malformed("InvalidAMIID.Malformed", imageId, "ami");
        if (keyName is not null && c.Region.FindKeyPair(keyName) is null) throw Ec2Errors.KeyPairNotFound(keyName);
        if (instanceType is not null && !instanceType.Contains('.'))
            throw AwsError.InvalidParameterValue($"Invalid value '{instanceType}' for InstanceType.");
        var subnetId = p.Get(prefix + "SubnetId");
        if (subnetId is not null && c.Region.Vpc.Subnets.All(s => s.SubnetId != subnetId))
            throw new AwsError("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        var zone = p.Get(prefix + "Placement.AvailabilityZone");
        if (zone is not null && !c.Region.AvailabilityZones.Contains(zone))
            throw AwsError.InvalidParameterValue($"Invalid availability zone: [{zone}]");
        return new LaunchSpec
        {
            ImageId = imageId,
            InstanceType = instanceType ?? "m1.small",
            KeyName = keyName,
            SecurityGroupIds = c.SecurityGroupIds(prefix + "SecurityGroupId", prefix + "SecurityGroup"),
            UserData = p.Get(prefix + "UserData"),
            SubnetId = subnetId,
            AvailabilityZone = zone,
            RootDeviceType = InstanceStoreImages.RootDeviceTypeOf(imageId),
        };
    }
}
