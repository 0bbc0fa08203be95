using Shodo.Range.State.Iam;

namespace Shodo.Range.State;

public sealed partial class RangeState
{
    /// <summary>When policy changes take effect (<see cref="PolicyPropagation"/>).</summary>
    public PolicyPropagation IamPropagation { get; } = new();
}
