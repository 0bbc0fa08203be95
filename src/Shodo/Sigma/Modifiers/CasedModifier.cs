using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>cased</c>: the value is compared case-sensitively.</summary>
public sealed class CasedModifier : SigmaModifier
{
    public override string Name => "cased";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaFieldRef r => r with { Cased = true },
        _ => MapStrings(value, s => s.AsCased()),
    };
}
