using System.Globalization;
using Shodo.Investigation.Model;
using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>Cost so far and per hour avoided, attacker instances by region, and data exposure (personal data first).</summary>
public static class ImpactSection
{
    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var blocks = new List<ReportBlock>();
        if (r.Facts.Impact is not { } impact)
        {
            blocks.Add(new Paragraph(t["ImpactMissing"]));
            return new ReportSection("impact", t["ImpactHeading"], blocks);
        }
        var cost = impact.Cost;
        blocks.Add(new SubHeading(t["CostHeading"]));
        var now = r.Current;
        var after = now.Instances.DistinctBy(i => i.Instance).ToDictionary(i => i.Instance);
        blocks.Add(new Table([t["Fact"], t["Value"]],
        [
            [t["CostSoFar"], r.Money.Format(cost.TotalSoFar)],
            [t["CostPerHour"], r.Money.Format(cost.BurnRatePerHour)],
            [t["CostAvoided"], r.Money.Format(now.PerHourAvoided)],
            [t["CostStillBilling"], r.Money.Format(now.PerHourStillBilling)],
            [t["CostAsOf"], r.When(cost.AsOf)],
            [t["PriceTable"], cost.PriceTable == Investigation.Impact.PriceTable.BuiltIn.Description
                ? t.Get("PriceTableBuiltIn", Investigation.Impact.PriceTable.BuiltIn.Date, Investigation.Impact.PriceTable.BuiltIn.Source) : cost.PriceTable],
        ]));
        if (r.Money.Converts)
            blocks.Add(new Paragraph(t.Get("CostConverted", r.Options.Rate!.Value.ToString(CultureInfo.InvariantCulture), r.Money.Currency)));
        if (cost.UnknownTypes.Count > 0)
            blocks.Add(new Paragraph(t.Get("CostUnknownTypes", string.Join(", ", cost.UnknownTypes))));

        blocks.Add(new SubHeading(t["InstancesByRegion"]));
        var byRegion = cost.Instances.GroupBy(i => i.Region).OrderByDescending(g => g.Sum(i => i.CostSoFar ?? 0)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        blocks.Add(new Table([t["Region"], t["Instances"], t["InstanceTypes"], t["Market"], t["CostSoFar"], t["CostStillBilling"]],
            byRegion.Select(g => (IReadOnlyList<string>)
            [
                g.Key, string.Join(", ", g.Select(i => $"{i.ResourceId} ({Now(r, after[i])})")),
                string.Join(", ", g.Select(i => i.InstanceType).Distinct()), string.Join(", ", g.Select(i => i.Market).Distinct()),
                r.Money.Format(g.Sum(i => i.CostSoFar ?? 0)), r.Money.Format(g.Where(i => after[i].Billing).Sum(i => i.PricePerHour ?? 0)),
            ]).Append([t["Total"], cost.Instances.Count.ToString(CultureInfo.InvariantCulture), "", "", r.Money.Format(cost.TotalSoFar), r.Money.Format(now.PerHourStillBilling)])
            .ToList()) { NumericColumns = new HashSet<int> { 4, 5 } });

        blocks.Add(new SubHeading(t["DataExposure"]));
        var exposures = impact.DataExposure.OrderByDescending(d => d.PersonalData).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        if (exposures.Count == 0) blocks.Add(new Paragraph(t["NoDataStores"]));
        else
            blocks.Add(new Table([t["DataStore"], t["Kind"], t["Region"], t["PersonalData"], t["Reachable"], t["Verdict"], t["HowWeKnow"], t["ObjectsRead"]],
                exposures.Select(d => (IReadOnlyList<string>)
                [
                    d.Name, d.Kind, d.Region ?? "-", d.PersonalData ? t["Yes"] : t["No"],
                    Reachable(r, d),
                    Verdict(r, d), r.Say(d.Explanations, d.Explanation),
                    d.Objects.Count == 0 ? (d.SharedWith.Count > 0 ? t.Get("SharedWith", string.Join(", ", d.SharedWith)) : "-")
                        : string.Join(", ", d.Objects.Select(o => o.Key)) + (d.BytesRead is { } b ? t.Get("BytesRead", b) : ""),
                ]).ToList())
            { Emphasis = exposures.Select((d, i) => (d, i)).Where(x => x.d.PersonalData).Select(x => x.i).ToHashSet() });
        blocks.AddRange(DataDoorsBlock.Build(r));
        return new ReportSection("impact", t["ImpactHeading"], blocks);
    }

    /// <summary>An instance's state after containment in the report's words (its state as seen when nothing touched it).</summary>
    public static string Now(ReportContext r, Facts.InstanceAfterContainment i) => i.Status == Facts.InstanceAfterContainment.AsSeen
        ? r.Text.Word("State", i.State ?? "unknown")
        : r.Text.Word("AfterContainment", i.Status);

    /// <summary>Readable, not readable, or unknown with what was not read that could decide it (each in the report's language).</summary>
    public static string Reachable(ReportContext r, DataExposure d) => Blocked(r, d, d.Reachable switch
    {
        true => r.Text["Yes"],
        false => r.Text["No"],
        null when d.ReachUnknown.Count > 0 => r.Text.Get("ReachUnknownBecause", string.Join(r.Text["ReachSeparator"],
            d.ReachUnknown.Select((english, i) => r.Say(i < d.ReachUnknownTexts.Count ? d.ReachUnknownTexts[i] : null, english)))),
        null => r.Text["Unknown"],
    });

    /// <summary>The verdict with what Block Public Access blocked and which setting, whose, decided it.</summary>
    private static string Blocked(ReportContext r, DataExposure d, string verdict) => d.ReachBlockedBy.Count == 0 ? verdict
        : r.Text.Get("ReachBlocked", verdict, string.Join(r.Text["ReachSeparator"],
            d.ReachBlockedBy.Select((english, i) => r.Say(i < d.ReachBlockedByTexts.Count ? d.ReachBlockedByTexts[i] : null, english))));

    /// <summary>Known (accessed or not), likely (reachable, cannot be known) or cannot be known.</summary>
    public static string Verdict(ReportContext r, DataExposure d) => d.Accessed switch
    {
        AccessVerdict.Accessed => r.Text["VerdictAccessed"],
        AccessVerdict.NotAccessed when d.SharedWith.Count > 0 => r.Text["VerdictShared"],
        AccessVerdict.NotAccessed => r.Text["VerdictNotAccessed"],
        _ when d.SharedWith.Count > 0 => r.Text["VerdictShared"],
        _ when d.Reachable == true => r.Text["VerdictLikely"],
        _ => r.Text["VerdictUnknowable"],
    };
}
