using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CreateFleet, DescribeFleets, DescribeFleetInstances and ModifyFleet (botocore's ec2 model for the shapes): EC2 Fleet
/// from a launch template. A <c>maintain</c> fleet replaces a member that stopped running, as a Spot Fleet does (the logic
/// is <see cref="Fleet"/>'s, shared); an <c>instant</c> fleet launches at once and answers with its instances. Only a
/// <c>maintain</c> fleet can be modified. DeleteFleets is not served.
/// </summary>
internal static class Ec2FleetActions
{
    internal const string Template = "LaunchTemplateConfigs.1.LaunchTemplateSpecification.";
    internal const string Capacity = "TargetCapacitySpecification.";

    public static AwsError NotFound(string id) => new("InvalidFleetId.NotFound", $"The fleet ID '{id}' does not exist");

    internal static string? Policy(string? value) => value switch
    {
        null => null,
        Ec2Fleet.NoTermination or Ec2Fleet.Termination => value,
        _ => throw AwsError.InvalidParameterValue($"Value ({value}) for parameter excessCapacityTerminationPolicy is invalid."),
    };

    internal static Ec2Fleet Find(Ec2Context c, string id) => c.Region.FindEc2Fleet(id) ?? throw NotFound(id);
}
