using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>exists</c>: the value is <c>true</c> (field present) or <c>false</c> (field absent).</summary>
public sealed class ExistsModifier : SigmaModifier
{
    public override string Name => "exists";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaBool b => new SigmaExists(b.Value),
        SigmaString s when bool.TryParse(s.Original, out var b) => new SigmaExists(b),
        _ => throw new SigmaModifierException("modifier 'exists' needs the value true or false"),
    };
}
