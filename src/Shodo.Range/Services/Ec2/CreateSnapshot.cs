using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SnapshotActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateSnapshot: one of <see cref="SnapshotActions"/>.</summary>
internal sealed class CreateSnapshot : Ec2Action
{
    public override string Name => "CreateSnapshot";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => CreateSnapshot(c);
}
