using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>RunInstances: on-demand, or spot through InstanceMarketOptions (a one-time Spot request per instance by default).</summary>
internal static class RunInstancesActions
{
    internal static readonly string[] Taggable = ["instance", "volume", "spot-instances-request", "network-interface"];
}
