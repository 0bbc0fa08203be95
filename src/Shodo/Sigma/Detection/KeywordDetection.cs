using System.Text.Json;
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
        var leaves = new List<RecordValue>();
        Collect(context.Record, leaves);
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

    private static void Collect(JsonElement node, List<RecordValue> leaves)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject()) Collect(property.Value, leaves);
                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) Collect(item, leaves);
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                leaves.Add(new RecordValue(node));
                break;
        }
    }
}
