using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Detection;

/// <summary>
/// A node of a search identifier's tree: <see cref="DetectionAllOf"/> (a YAML map: every item),
/// <see cref="DetectionAnyOf"/> (a list of maps: any of them), <see cref="FieldDetection"/> (one
/// <c>field|modifiers: values</c> item) or <see cref="KeywordDetection"/> (values searched in the
/// whole record).
/// </summary>
public abstract record DetectionNode
{
    /// <summary>The line in the rule file where the node starts (1-based).</summary>
    public int Line { get; init; }

    public abstract bool Matches(MatchContext context);
}

/// <summary>A YAML map: every item must match (AND).</summary>
public sealed record DetectionAllOf(IReadOnlyList<DetectionNode> Items) : DetectionNode
{
    public override bool Matches(MatchContext context)
    {
        foreach (var item in Items)
            if (!item.Matches(context)) return false;
        return true;
    }
}

/// <summary>A YAML list of maps (or of keywords and maps): any item may match (OR).</summary>
public sealed record DetectionAnyOf(IReadOnlyList<DetectionNode> Items) : DetectionNode
{
    public override bool Matches(MatchContext context)
    {
        foreach (var item in Items)
            if (item.Matches(context)) return true;
        return false;
    }
}
