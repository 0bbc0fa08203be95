using System.Xml.Linq;

namespace Shodo.Range.Services.Ec2;

/// <summary>One EC2 operation: its name (the Action parameter), whether it only reads, and its handler.</summary>
public sealed record Ec2Action(string Name, bool ReadOnly, Func<Ec2Context, IEnumerable<XElement?>> Handle);

/// <summary>A family of related EC2 operations (instances, key pairs, ...), one file each.</summary>
public interface IEc2Actions
{
    IEnumerable<Ec2Action> Actions { get; }
}
