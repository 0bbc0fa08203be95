using Shodo.Sigma.Conditions;
using Shodo.Sigma.Detection;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Matching;

/// <summary>
/// Which <c>eventName</c> values a rule can possibly match, read from its detection: a rule whose
/// condition requires <c>eventName: [A, B]</c> (plain values) can only match records named A or B,
/// so a matcher need not evaluate it on anything else. Null when the rule does not pin the name
/// (wildcards, modifiers, negations, keywords): such a rule is evaluated on every record.
/// </summary>
internal static class EventNameIndex
{
    public const string Field = "eventName";

    public static HashSet<string>? PossibleNames(SigmaRule rule) =>
        Names(rule.Detection.Condition, rule.Detection.Searches);

    private static HashSet<string>? Names(ConditionNode node, IReadOnlyDictionary<string, DetectionNode> searches) => node switch
    {
        ConditionIdentifier id => Names(searches[id.Name]),
        ConditionAnd and => Intersect(and.Operands.Select(o => Names(o, searches))),
        ConditionOr or => Union(or.Operands.Select(o => Names(o, searches))),
        ConditionSelector { Count: null } all => Intersect(all.Identifiers.Select(i => Names(searches[i]))),
        ConditionSelector some => Union(some.Identifiers.Select(i => Names(searches[i]))),
        _ => null,
    };

    private static HashSet<string>? Names(DetectionNode node) => node switch
    {
        DetectionAllOf all => Intersect(all.Items.Select(Names)),
        DetectionAnyOf any => Union(any.Items.Select(Names)),
        FieldDetection { Field.Name: Field, MatchAll: false } field => Literals(field.Values),
        _ => null,
    };

    private static HashSet<string>? Literals(IReadOnlyList<SigmaValue> values)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            switch (value)
            {
                case SigmaString { HasWildcards: false } s: names.Add(s.Literal); break;
                case SigmaNumber n: names.Add(n.Text); break;
                default: return null;
            }
        }
        return names.Count == 0 ? null : names;
    }

    private static HashSet<string>? Intersect(IEnumerable<HashSet<string>?> sets)
    {
        HashSet<string>? result = null;
        foreach (var set in sets)
        {
            if (set is null) continue;
            if (result is null) result = new HashSet<string>(set, StringComparer.OrdinalIgnoreCase);
            else result.IntersectWith(set);
        }
        return result;
    }

    private static HashSet<string>? Union(IEnumerable<HashSet<string>?> sets)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            if (set is null) return null;
            result.UnionWith(set);
        }
        return result;
    }
}
