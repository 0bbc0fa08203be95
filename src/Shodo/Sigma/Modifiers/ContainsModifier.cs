using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>contains</c>: the value anywhere in the field (wildcards added at both ends).</summary>
public sealed class ContainsModifier : SigmaModifier
{
    public override string Name => "contains";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaFieldRef r => r with { Comparison = FieldRefComparison.Contains },
        _ => MapStrings(value, s => s.WithLeadingWildcard().WithTrailingWildcard()),
    };
}
