using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// ModifyInstanceAttribute and DescribeInstanceAttribute: termination and stop protection,
/// security groups, shutdown behaviour, user data and instance type (the last two only when stopped).
/// Termination protection cannot be changed on a Spot instance (UnsupportedOperation, as EC2 answers).
/// </summary>
internal static class InstanceAttributeActions
{
    internal static void RequireStopped(Ec2Instance instance)
    {
        if (instance.State != InstanceStates.Stopped)
            throw Ec2Errors.IncorrectInstanceState($"The instance '{instance.InstanceId}' is not in the 'stopped' state.");
    }
}
