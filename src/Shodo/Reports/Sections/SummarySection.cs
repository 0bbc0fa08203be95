using Shodo.Investigation.Model;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;

namespace Shodo.Reports.Sections;

/// <summary>The plain-language summary for management: what happened, when, who knows, what was done, what is left.</summary>
public static class SummarySection
{
    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        var blocks = new List<ReportBlock>();
        var leaked = f.Identities.FirstOrDefault(i => i.Kind == IdentityKind.AccessKey && !i.CreatedByAttacker && i.Confidence == Confidence.Confirmed);
        var sight = f.Sight;
        if (leaked is not null && sight.IsBlind)
            blocks.Add(new Paragraph(t.Get("SummaryLeakedKeyBlind", leaked.AccessKeyId ?? leaked.Name, leaked.Owner ?? "-", SightWords.Unread(r))));
        else if (leaked is { FirstSeen: null })
            blocks.Add(new Paragraph(t.Get("SummaryLeakedKeyNoUseSeen", leaked.AccessKeyId ?? leaked.Name, leaked.Owner ?? "-")));
        else if (leaked is not null)
            blocks.Add(new Paragraph(t.Get("SummaryLeakedKey", leaked.AccessKeyId ?? leaked.Name, leaked.Owner ?? "-",
                leaked.SourceIps.Count > 0 ? string.Join(", ", leaked.SourceIps) : t["Unknown"])));
        else if (f.Identities.Count == 0)
            blocks.Add(new Paragraph(t["SummaryNoIdentities"]));
        var instances = f.Resources.Count(x => x.Type == ResourceTypes.Instance);
        var regions = f.Resources.Where(x => x.Region is not null).Select(x => x.Region).Distinct().Count();
        var created = f.Identities.Count(i => i.CreatedByAttacker);
        if (sight.IsBlind)
            blocks.Add(new Paragraph(t.Get("SummaryCreatedUnknown", SightWords.Unread(r))));
        else if (!sight.IsComplete)
            blocks.Add(new Paragraph(t.Get("SummaryCreatedAtLeast", created, f.Resources.Count, regions, instances, SightWords.Unread(r))));
        else if (f.Resources.Count > 0 || f.Identities.Count > 0)
            blocks.Add(new Paragraph(t.Get("SummaryCreated", created, f.Resources.Count, regions, instances)));
        foreach (var d in (f.Impact?.DataExposure ?? []).Where(d => d.PersonalData))
            blocks.Add(new Paragraph(t.Get("SummaryPersonalData", d.Name, ImpactSection.Verdict(r, d), r.Say(d.Explanations, d.Explanation))));
        if (f.Impact is { } impact)
            blocks.Add(new Paragraph(sight.IsBlind ? t.Get("SummaryCostUnknown", SightWords.Unread(r))
                : !sight.IsComplete ? t.Get("SummaryCostAtLeast", r.Money.Format(impact.Cost.TotalSoFar), r.Money.Format(impact.Cost.BurnRatePerHour), SightWords.Unread(r))
                : t.Get("SummaryCost", r.Money.Format(impact.Cost.TotalSoFar), r.Money.Format(impact.Cost.BurnRatePerHour))));
        if (f.Impact is { Cost.Instances.Count: > 0 } && f.Containment.Actions.Count > 0)
            blocks.Add(new Paragraph(AfterContainment(r)));

        var began = Began(f);
        var firstSent = f.Escalation.Sent.FirstOrDefault();
        var firstChange = f.Containment.Actions.Select(a => a.ChangedAt ?? a.OutcomeAt).Where(x => x is not null).Min();
        var lastChange = f.Containment.Actions.Select(a => a.OutcomeAt).Where(x => x is not null).Max();
        var told = f.Escalation.Sent.Select(s => s.Target).Where(x => x is not null).Distinct().ToList();
        blocks.Add(new Table([t["Fact"], t["Value"]],
        [
            [t["Began"], r.When(began)],
            [t["Detected"], r.When(f.Manifest.OpenedAt)],
            [t["Told"], firstSent is null ? t["NobodyTold"] : t.Get("ToldWhom", string.Join(", ", told), r.When(firstSent.Time))],
            [t["Acknowledged"], f.Escalation.Acknowledged is { } ack
                ? t.Get("AcknowledgedBy", ack.By ?? "-", r.When(ack.Time)) : t["NotAcknowledged"]],
            [t["ContainmentDone"], firstChange is null ? t["NothingDone"]
                : t.Get("ContainmentWhen", f.Containment.Actions.Count(a => a.Outcome is "done" or "already-done"), f.Containment.Actions.Count,
                    r.When(firstChange), r.When(lastChange))],
            [t["CurrentState"], State(r)],
        ]));
        blocks.Add(new SubHeading(t["DecisionsNeeded"]));
        blocks.Add(new BulletList(Decisions.For(r)));
        return new ReportSection("summary", t["SummaryHeading"], blocks);
    }

    /// <summary>The first sign of the attacker: the earliest confirmed identity, finding or attacker event.</summary>
    public static DateTimeOffset? Began(Facts.CaseFacts f)
    {
        var times = f.Identities.Where(i => i.Confidence == Confidence.Confirmed).Select(i => i.FirstSeen)
            .Concat(f.Findings.Select(x => x.FirstSeen))
            .Where(x => x is not null).Select(x => x!.Value).ToList();
        return times.Count > 0 ? times.Min() : f.Timeline.Count > 0 ? f.Timeline[0].Time : null;
    }

    public static string State(ReportContext r)
    {
        var t = r.Text;
        var c = r.Facts.Containment;
        var now = r.Current;
        return now.Verdict switch
        {
            CurrentState.NotContained => t.Get("StateNotContained", c.LastCheck!.Remaining.Count, string.Join(", ", c.LastCheck.Remaining.Take(10)), r.When(now.CheckedAt)),
            CurrentState.PartlyContained => t.Get("StatePartlyContained", r.When(now.CheckedAt), now.StillActive.Count,
                string.Join(", ", now.StillActive.Take(10)) + (now.StillActive.Count > 10 ? ", …" : "")),
            CurrentState.ContainedUnseen => t.Get("StateContainedUnseen", r.When(now.CheckedAt), r.Facts.Coverage.Unread), // what could not be read may hide more
            CurrentState.Contained => t.Get("StateContained", r.When(now.CheckedAt)),
            CurrentState.Unknown => t.Get("StateBlind", SightWords.Unread(r), c.Actions.Count(a => a.Outcome is "done" or "already-done"), c.Actions.Count, r.When(now.CheckedAt)),
            CurrentState.InProgress => t.Get("StateInProgress", c.Actions.Count(a => a.Outcome is "done" or "already-done"), c.Actions.Count),
            _ => t["StateNothing"],
        };
    }

    /// <summary>What containment stopped and saved per hour, and what still runs and costs per hour.</summary>
    private static string AfterContainment(ReportContext r)
    {
        var now = r.Current;
        return r.Text.Get("SummaryAfterContainment", now.Instances.Count(i => i.StoppedWhileRunning), r.Money.Format(now.PerHourAvoided),
            now.Instances.Count(i => i.Billing), r.Money.Format(now.PerHourStillBilling));
    }
}
