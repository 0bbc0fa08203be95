using Shodo.Sigma.Conditions;
using Shodo.Sigma.Matching;

namespace Shodo.Sigma.Detection;

/// <summary>
/// A rule's <c>detection:</c> section: the named searches (search identifiers) and the condition
/// that combines them. <see cref="Timeframe"/> is kept as written (it only matters to aggregations,
/// which the engine reports as skipped).
/// </summary>
public sealed record SigmaDetection(IReadOnlyDictionary<string, DetectionNode> Searches, ConditionNode Condition, string? Timeframe)
{
    public bool Matches(MatchContext context) => Condition.Evaluate(name => Searches[name].Matches(context));
}
