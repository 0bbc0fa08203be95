using Shodo.Response;

namespace Shodo.Drill;

/// <summary>How a drill went: the scorecard, and how the (last) response it rehearsed ended.</summary>
public sealed record DrillResult(DrillScorecard Scorecard, ResponseOutcome Outcome)
{
    /// <summary>The drill passes when its scorecard does (<see cref="DrillScorecard.Passes"/>).</summary>
    public bool Passed => Scorecard.Passes();
}
