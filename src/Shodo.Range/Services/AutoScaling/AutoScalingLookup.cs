using Shodo.Range.Serving;
using Shodo.Range.State.AutoScaling;

namespace Shodo.Range.Services.AutoScaling;

internal static class AutoScalingLookup
{
    /// <summary>The group a request names (by name or ARN), or ValidationError as AWS answers.</summary>
    public static AutoScalingGroup Group(AwsCall call, string nameOrArn)
    {
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;
        return call.State.AutoScaling(call.Region).Find(name) ?? throw AutoScalingErrors.GroupNotFound(name);
    }

    public static string Arn(AwsRequest request, string name) =>
        $"arn:{request.Partition}:autoscaling:{request.Region}:{request.AccountId}:autoScalingGroup:{Guid.NewGuid()}:autoScalingGroupName/{name}";
}
