using Shodo.Sigma;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Digests;

namespace Shodo.Hunting;

/// <summary>What a hunt did: records read and in the window, matches per rule, the archive's coverage, problems and digests.</summary>
public sealed record HuntSummary(
    long Records, long RecordsInWindow, IReadOnlyList<HuntRuleCount> Rules, TrailArchiveCoverage Coverage,
    IReadOnlyList<TrailProblem> Problems, TimeSpan Duration)
{
    public long Matches => Rules.Sum(r => r.Matches);

    /// <summary>What the archive's digests established about the log files read.</summary>
    public TrailDigestOutcome? Digests { get; init; }

    /// <summary>True when every log file was read and none was found changed or deleted after delivery.</summary>
    public bool Complete => Coverage.UnreadableFiles.Count == 0 && Digests?.Report?.Intact != false;
    public double EventsPerSecond => Duration.TotalSeconds > 0 ? Records / Duration.TotalSeconds : 0;
}

/// <summary>One rule's matches in the hunt.</summary>
public sealed record HuntRuleCount(SigmaRule Rule, long Matches);
