namespace Shodo.Reports.Facts;

/// <summary>
/// The account's state after containment as the report states it: each attacker instance as containment left it,
/// the hourly cost stopping avoided and the hourly cost still spent, what the attacker still has active (or waits for
/// a person), and one <see cref="Verdict"/>: <c>contained</c> only when verification found nothing remaining, nothing
/// waits for a person, no attacker instance still runs, and every source could be read.
/// </summary>
public sealed record CurrentState(string Verdict, DateTimeOffset? CheckedAt, IReadOnlyList<InstanceAfterContainment> Instances,
    IReadOnlyList<string> StillActive)
{
    public const string Contained = "contained";
    public const string ContainedUnseen = "contained-unseen";
    public const string PartlyContained = "partly-contained";
    public const string NotContained = "not-contained";
    public const string InProgress = "in-progress";
    public const string Nothing = "nothing";
    /// <summary>No event could be read: what the attacker still has active cannot be known, whatever containment did.</summary>
    public const string Unknown = "unknown";

    public bool IsContained => Verdict == Contained;

    /// <summary>The hourly price of the instances containment stopped while they ran.</summary>
    public decimal PerHourAvoided => Instances.Where(i => i.StoppedWhileRunning).Sum(i => i.Instance.PricePerHour ?? 0);

    /// <summary>The hourly price of the attacker instances still running after containment (isolated, waiting, untouched).</summary>
    public decimal PerHourStillBilling => Instances.Where(i => i.Billing).Sum(i => i.Instance.PricePerHour ?? 0);

    public static CurrentState Of(CaseFacts f)
    {
        var c = f.Containment;
        var instances = InstanceAfterContainment.Of(f.Impact?.Cost.Instances ?? [], c);
        var waiting = c.Actions.Where(a => a.NeedsPerson).ToList();
        var active = waiting.Select(a => a.Target ?? a.ActionId)
            .Concat(instances.Where(i => i.Billing && !waiting.Any(a => a.Target?.EndsWith(":" + i.Instance.ResourceId, StringComparison.Ordinal) == true))
                .Select(i => i.Instance.ResourceId))
            .Distinct(StringComparer.Ordinal).ToList();
        string verdict;
        if (c.LastCheck is not { } check)
            verdict = c.Actions.Count > 0 ? InProgress : Nothing;
        else if (f.Sight.IsBlind) verdict = Unknown;
        else if (!check.Contained) verdict = NotContained;
        else if (active.Count > 0) verdict = PartlyContained;
        else if (f.Coverage.Unread > 0 || !f.Sight.IsComplete) verdict = ContainedUnseen;
        else verdict = Contained;
        return new CurrentState(verdict, c.LastCheck?.Time, instances, active);
    }
}
