using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SecurityGroupActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>AuthorizeSecurityGroupEgress: one of <see cref="SecurityGroupActions"/>.</summary>
internal sealed class AuthorizeSecurityGroupEgress : Ec2Action
{
    public override string Name => "AuthorizeSecurityGroupEgress";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => Authorize(c, egress: true);
}
