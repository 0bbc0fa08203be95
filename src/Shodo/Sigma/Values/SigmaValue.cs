using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>
/// One value of a detection item after its modifiers were applied: a string with wildcards
/// (<see cref="SigmaString"/>), a number, a boolean, null, a regular expression, a CIDR network, a
/// numeric comparison, an existence test, a reference to another field, or an expansion (several
/// alternatives of which any may match). Backends (the local matcher, the SQL compiler) switch on
/// the concrete type.
/// </summary>
public abstract record SigmaValue
{
    /// <summary>True when one of the field's values (<paramref name="values"/>) matches this rule value.</summary>
    public abstract bool Matches(IReadOnlyList<RecordValue> values, MatchContext context);

    /// <summary>True when any value that is not null satisfies <paramref name="test"/>.</summary>
    protected static bool Any(IReadOnlyList<RecordValue> values, Func<string, bool> test)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var text = values[i].Text;
            if (text is not null && test(text)) return true;
        }
        return false;
    }
}
