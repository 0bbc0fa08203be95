using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>How a field is compared with the referenced field.</summary>
public enum FieldRefComparison { Equals, StartsWith, EndsWith, Contains }

/// <summary>
/// The <c>fieldref</c> modifier: the field's value compared with the value of another field of the
/// same record (case-insensitive unless <see cref="Cased"/>); never matches when either is missing.
/// </summary>
public sealed record SigmaFieldRef(FieldPath Field, FieldRefComparison Comparison = FieldRefComparison.Equals, bool Cased = false) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context)
    {
        var comparison = Cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var others = context.Values(Field);
        foreach (var other in others)
        {
            var reference = other.Text;
            if (reference is null) continue;
            if (Any(values, t => Comparison switch
                {
                    FieldRefComparison.StartsWith => t.StartsWith(reference, comparison),
                    FieldRefComparison.EndsWith => t.EndsWith(reference, comparison),
                    FieldRefComparison.Contains => t.Contains(reference, comparison),
                    _ => string.Equals(t, reference, comparison),
                })) return true;
        }
        return false;
    }

    public override string ToString() => $"fieldref:{Field}";
}
