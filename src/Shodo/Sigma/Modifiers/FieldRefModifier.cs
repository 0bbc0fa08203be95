using Shodo.Sigma.Matching;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>fieldref</c>: the value names another field whose value the field must equal
/// (or start with, end with, contain, when followed by those modifiers).</summary>
public sealed class FieldRefModifier : SigmaModifier
{
    public override string Name => "fieldref";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => value switch
    {
        SigmaString { HasWildcards: false } s when s.Literal.Length > 0 => new SigmaFieldRef(new FieldPath(s.Literal)),
        _ => throw new SigmaModifierException("modifier 'fieldref' needs a field name without wildcards"),
    };
}
