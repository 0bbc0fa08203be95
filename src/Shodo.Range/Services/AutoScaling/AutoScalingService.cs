using Shodo.Range.Serving;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>Amazon EC2 Auto Scaling (Query protocol, 2011-01-01), regional. Each operation is one file.</summary>
public sealed class AutoScalingService() : QueryService(
[
    new CreateAutoScalingGroup(), new DescribeAutoScalingGroups(), new DescribeScalingProcessTypes(),
    new SuspendProcesses(), new ResumeProcesses(),
])
{
    public override string Name => "autoscaling";
    public override string EventSource => "autoscaling.amazonaws.com";
    public override string XmlNamespace => "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    public override bool IsGlobal => false;
}
