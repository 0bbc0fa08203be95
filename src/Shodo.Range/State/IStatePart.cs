using System.Text.Json.Nodes;

namespace Shodo.Range.State;

/// <summary>
/// One service's part of the account state, saved to and loaded from the range's JSON state file
/// (admin endpoint <c>/_range/save</c> and <c>/_range/load</c>). Adding a service's state is one
/// class implementing this plus one line in <see cref="StateParts"/>. Both run under <see cref="RangeState.Sync"/>.
/// </summary>
public interface IStatePart
{
    /// <summary>The property name in the state file: iam, ec2, s3...</summary>
    string Name { get; }

    JsonNode Save(RangeState state);

    void Load(RangeState state, JsonNode node);
}

/// <summary>Every state part that is saved and loaded, one line each.</summary>
public static class StateParts
{
    public static IReadOnlyList<IStatePart> All { get; } =
    [
        new Iam.IamStatePart(),
        new Ec2.Ec2StatePart(),
        new S3.S3StatePart(),
        new Rds.RdsStatePart(),
        new CloudTrail.CloudTrailStatePart(),
        new AutoScaling.AutoScalingStatePart(),
        new Ram.RamStatePart(),
        new Kms.KmsStatePart(),
        new S3.S3ControlStatePart(),
    ];
}
