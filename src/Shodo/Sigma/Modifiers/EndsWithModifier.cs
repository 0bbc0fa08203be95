using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>endswith</c>: the field ends with the value (wildcard added at the start).</summary>
public sealed class EndsWithModifier : SigmaModifier
{
    public override string Name => "endswith";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaFieldRef r => r with { Comparison = FieldRefComparison.EndsWith },
        _ => MapStrings(value, s => s.WithLeadingWildcard()),
    };
}
