using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ec2;

/// <summary>EC2's error codes and messages, as AWS returns them.</summary>
public static class Ec2Errors
{
    /// <summary>What EC2 answers in a region the account has not opted into.</summary>
    public static AwsError RegionNotEnabled() =>
        new("AuthFailure", "AWS was not able to validate the provided access credentials", 401);

    public static AwsError Malformed(string code, string id, string prefix) =>
        new(code, $"Invalid id: \"{id}\" (expecting \"{prefix}-...\")");

    public static AwsError InstancesNotFound(IReadOnlyList<string> ids) => ids.Count == 1
        ? new("InvalidInstanceID.NotFound", $"The instance ID '{ids[0]}' does not exist")
        : new("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static AwsError IncorrectInstanceState(string message) => new("IncorrectInstanceState", message);

    public static AwsError GroupNotFound(string idOrName) =>
        new("InvalidGroup.NotFound", $"The security group '{idOrName}' does not exist");

    public static AwsError KeyPairNotFound(string name) =>
        new("InvalidKeyPair.NotFound", $"The key pair '{name}' does not exist");

    public static AwsError VolumeNotFound(string id) =>
        new("InvalidVolume.NotFound", $"The volume '{id}' does not exist.");

    public static AwsError ImageNotFound(string id) =>
        new("InvalidAMIID.NotFound", $"The image id '[{id}]' does not exist");

    public static AwsError SnapshotNotFound(string id) =>
        new("InvalidSnapshot.NotFound", $"The snapshot '{id}' does not exist.");

    public static AwsError SpotRequestNotFound(string id) =>
        new("InvalidSpotInstanceRequestID.NotFound", $"The spot instance request ID '{id}' does not exist");

    public static AwsError NetworkInterfaceNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");

    /// <summary>ModifyInstanceAttribute's groups for an instance with more than one network interface.</summary>
    public static AwsError MultipleInterfaces(string instanceId) =>
        new("InvalidInstanceID", $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");

    public static AwsError InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
}
