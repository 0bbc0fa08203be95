using Shodo.Sigma.Matching;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Detection;

/// <summary>
/// Keywords (a list of plain values under a search identifier): full-text search over every value
/// in the record. A keyword matches when any string, number or boolean anywhere in the record
/// contains it (wildcards honoured; the loader wraps plain keywords in <c>*</c> so a keyword means
/// "contains", as in full-text search); any keyword may match, or all with <see cref="MatchAll"/>.
/// </summary>
public sealed record KeywordDetection(IReadOnlyList<string> Modifiers, IReadOnlyList<SigmaValue> Values, bool MatchAll) : DetectionNode
{
    public override bool Matches(MatchContext context)
    {
        var leaves = context.Leaves();
        if (MatchAll)
        {
            foreach (var value in Values)
                if (!value.Matches(leaves, context)) return false;
            return Values.Count > 0;
        }
        foreach (var value in Values)
            if (value.Matches(leaves, context)) return true;
        return false;
    }
}
