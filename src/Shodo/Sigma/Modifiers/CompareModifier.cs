using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c>: the field, read as a number, compared with the value.</summary>
public sealed class CompareModifier(string name, CompareOperator op) : SigmaModifier
{
    public override string Name => name;

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaNumber n => new SigmaCompare(op, n.Value),
        SigmaString s when !s.HasWildcards && SigmaNumber.TryParse(s.Literal, out var v) => new SigmaCompare(op, v),
        _ => throw new SigmaModifierException($"modifier '{Name}' needs a number"),
    };
}
