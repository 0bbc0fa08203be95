using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Values;

/// <summary>
/// Alternatives produced from one rule value by a modifier (<c>windash</c>, <c>base64offset</c>,
/// <c>expand</c>): matches when any alternative matches. Under <c>all</c> it still counts as one value.
/// </summary>
public sealed record SigmaExpansion(IReadOnlyList<SigmaValue> Alternatives) : SigmaValue
{
    public override bool Matches(IReadOnlyList<RecordValue> values, MatchContext context)
    {
        foreach (var alternative in Alternatives)
            if (alternative.Matches(values, context)) return true;
        return false;
    }

    public bool Equals(SigmaExpansion? other) => other is not null && Alternatives.SequenceEqual(other.Alternatives);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var alternative in Alternatives) hash.Add(alternative);
        return hash.ToHashCode();
    }

    public override string ToString() => "(" + string.Join(" | ", Alternatives) + ")";
}
