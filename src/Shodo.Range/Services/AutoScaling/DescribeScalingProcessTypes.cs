using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.AutoScaling;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>DescribeScalingProcessTypes: the process names SuspendProcesses and ResumeProcesses accept.</summary>
public sealed class DescribeScalingProcessTypes : QueryAction
{
    public override string Name => "DescribeScalingProcessTypes";

    public override AwsResponse Handle(AwsCall call) =>
        new XmlResult(new XElement("Processes", ScalingProcesses.All.Select(p => new XElement("member", new XElement("ProcessName", p)))));
}
