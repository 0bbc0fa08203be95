using Shodo.Range.Serving;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>Auto Scaling's errors as AWS returns them (most are ValidationError, 400).</summary>
internal static class AutoScalingErrors
{
    public static AwsError Validation(string message) => new("ValidationError", message);

    public static AwsError GroupNotFound(string name) =>
        Validation($"AutoScalingGroup name not found - AutoScalingGroup {name} not found");
}
