using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>startswith</c>: the field begins with the value (wildcard added at the end).</summary>
public sealed class StartsWithModifier : SigmaModifier
{
    public override string Name => "startswith";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaFieldRef r => r with { Comparison = FieldRefComparison.StartsWith },
        _ => MapStrings(value, s => s.WithTrailingWildcard()),
    };
}
