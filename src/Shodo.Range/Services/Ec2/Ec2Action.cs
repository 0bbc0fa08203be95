using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// One EC2 operation: its name (the Action parameter), whether it only reads, and its handler, which runs under the
/// state's lock in an enabled region with a DryRun already answered (<see cref="Ec2Service"/>). Adding one is a class
/// deriving from this plus one line in <see cref="Ec2Service"/>'s list; what several operations share lives in a
/// helper class (<c>*Actions</c>: <see cref="TagActions"/>, <see cref="SecurityGroupActions"/>...).
/// </summary>
public abstract class Ec2Action
{
    public abstract string Name { get; }

    /// <summary>CloudTrail's readOnly: Get*, List*, Describe* by default.</summary>
    public virtual bool ReadOnly => QueryAction.ReadsOnly(Name);

    public abstract IEnumerable<XElement?> Handle(Ec2Context c);
}
