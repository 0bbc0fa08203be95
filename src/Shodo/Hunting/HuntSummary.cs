using Shodo.Sigma;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Hunting;

/// <summary>What a hunt did: records read and in the window, matches per rule, the archive's coverage and problems.</summary>
public sealed record HuntSummary(
    long Records, long RecordsInWindow, IReadOnlyList<HuntRuleCount> Rules, TrailArchiveCoverage Coverage,
    IReadOnlyList<TrailProblem> Problems, TimeSpan Duration)
{
    public long Matches => Rules.Sum(r => r.Matches);
    public double EventsPerSecond => Duration.TotalSeconds > 0 ? Records / Duration.TotalSeconds : 0;
}

/// <summary>One rule's matches in the hunt.</summary>
public sealed record HuntRuleCount(SigmaRule Rule, long Matches);
