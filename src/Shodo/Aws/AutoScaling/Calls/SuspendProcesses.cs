using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.AutoScaling.Calls;

/// <summary>autoscaling:SuspendProcesses — the named processes of a group stop running (reversible with ResumeProcesses).</summary>
public sealed record SuspendProcesses(string AutoScalingGroupName, IReadOnlyList<string> ScalingProcesses) : QueryCall<NoContent>
{
    public override AwsOperation Operation => AutoScalingOperations.SuspendProcesses;
    public override void Write(QueryParameters p) => p.Add("AutoScalingGroupName", AutoScalingGroupName).AddList("ScalingProcesses", ScalingProcesses);
    public override NoContent Read(XElement r) => default;
}

/// <summary>autoscaling:ResumeProcesses — the named processes run again (roll-back only: exactly those Shodo suspended).</summary>
public sealed record ResumeProcesses(string AutoScalingGroupName, IReadOnlyList<string> ScalingProcesses) : QueryCall<NoContent>
{
    public override AwsOperation Operation => AutoScalingOperations.ResumeProcesses;
    public override void Write(QueryParameters p) => p.Add("AutoScalingGroupName", AutoScalingGroupName).AddList("ScalingProcesses", ScalingProcesses);
    public override NoContent Read(XElement r) => default;
}
