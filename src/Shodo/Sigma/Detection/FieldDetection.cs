using Shodo.Sigma.Matching;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Detection;

/// <summary>
/// <c>field|modifier|...: value</c> or <c>: [values]</c>: the field's values (see
/// <see cref="FieldPath"/>) must match any of <see cref="Values"/>, or every one of them when
/// <see cref="MatchAll"/> (the <c>all</c> modifier). <see cref="Values"/> already carry the
/// modifiers' effect (wildcards added, regexes, networks, ...); <see cref="Modifiers"/> keeps their names.
/// </summary>
public sealed record FieldDetection(FieldPath Field, IReadOnlyList<string> Modifiers, IReadOnlyList<SigmaValue> Values, bool MatchAll)
    : DetectionNode
{
    public override bool Matches(MatchContext context)
    {
        var found = context.Values(Field);
        if (MatchAll)
        {
            foreach (var value in Values)
                if (!value.Matches(found, context)) return false;
            return Values.Count > 0;
        }
        foreach (var value in Values)
            if (value.Matches(found, context)) return true;
        return false;
    }
}
