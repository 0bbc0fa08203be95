using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotFleetActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CancelSpotFleetRequests: one of <see cref="SpotFleetActions"/>.</summary>
internal sealed class CancelSpotFleetRequests : Ec2Action
{
    public override string Name => "CancelSpotFleetRequests";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => CancelSpotFleetRequests(c);
}
