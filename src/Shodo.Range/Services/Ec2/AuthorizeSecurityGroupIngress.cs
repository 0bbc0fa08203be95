using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SecurityGroupActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>AuthorizeSecurityGroupIngress: one of <see cref="SecurityGroupActions"/>.</summary>
internal sealed class AuthorizeSecurityGroupIngress : Ec2Action
{
    public override string Name => "AuthorizeSecurityGroupIngress";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => Authorize(c, egress: false);
}
