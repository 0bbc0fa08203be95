using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SecurityGroupActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>RevokeSecurityGroupEgress: one of <see cref="SecurityGroupActions"/>.</summary>
internal sealed class RevokeSecurityGroupEgress : Ec2Action
{
    public override string Name => "RevokeSecurityGroupEgress";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => Revoke(c, egress: true);
}
