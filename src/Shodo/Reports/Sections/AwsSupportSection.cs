using System.Text;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>
/// A ready-to-paste text for an AWS Support security case (Account and billing → security, or the
/// "Report compromised credentials" flow) with the facts AWS asks for: account, key ids, times (UTC),
/// resources, actions taken. No secret is in it: keys are shown by id only.
/// </summary>
public static class AwsSupportSection
{
    public static ReportSection Build(ReportContext r) =>
        new("aws-support", r.Text["AwsSupportHeading"], [new Paragraph(r.Text["AwsSupportIntro"]), new Preformatted(Text(r))]);

    public static string Text(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        static string Utc(DateTimeOffset? time) => time is { } x ? CaseTime.Format(x) : "-";
        var sb = new StringBuilder();
        void Line(string key, string value) => sb.Append(t["Support" + key]).Append(": ").Append(value).Append('\n');

        Line("Subject", t.Get("SupportSubjectText", f.AccountId ?? "-"));
        Line("Account", f.AccountId ?? "-");
        var leaked = f.Identities.Where(i => i.Kind == IdentityKind.AccessKey && !i.CreatedByAttacker && i.Confidence == Confidence.Confirmed);
        Line("LeakedKeys", Join(leaked.Select(i => $"{i.AccessKeyId ?? i.Name} ({i.Owner ?? "-"})")));
        Line("AttackerIdentities", Join(f.Identities.Where(i => i.CreatedByAttacker).Select(i => $"{i.Kind}: {i.Arn ?? i.AccessKeyId ?? i.Name}")));
        Line("SourceIps", Join(f.Identities.Where(i => i.Confidence == Confidence.Confirmed).SelectMany(i => i.SourceIps).Distinct()));
        Line("FirstActivity", Utc(SummarySection.Began(f)));
        Line("LastActivity", Utc(f.Identities.Select(i => i.LastSeen).Where(x => x is not null).Max()));
        Line("Detected", Utc(f.Manifest.OpenedAt));
        sb.Append(t["SupportResources"]).Append(":\n");
        foreach (var g in f.Resources.GroupBy(x => x.Type).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append("  - ").Append(g.Key).Append(" (").Append(g.Count()).Append("): ")
              .Append(Join(g.Select(x => x.Region is null ? x.ResourceId : $"{x.Region}/{x.ResourceId}"))).Append('\n');
        foreach (var d in (f.Impact?.DataExposure ?? []).Where(d => d.SharedWith.Count > 0 || d.Accessed == AccessVerdict.Accessed))
            sb.Append("  - ").Append(d.Kind).Append(' ').Append(d.Name).Append(": ")
              .Append(d.SharedWith.Count > 0 ? t.Get("SharedWith", Join(d.SharedWith)) : t["VerdictAccessed"]).Append('\n');
        if (f.Impact is { } impact)
            Line("Cost", $"{impact.Cost.TotalSoFar:0.00} {impact.Cost.Currency} ({t["CostPerHour"]}: {impact.Cost.BurnRatePerHour:0.00} {impact.Cost.Currency})");
        sb.Append(t["SupportActions"]).Append(":\n");
        var done = f.Containment.Actions.Where(a => a.Outcome is "done" or "already-done").ToList();
        if (done.Count == 0) sb.Append("  - ").Append(t["NothingDone"]).Append('\n');
        foreach (var a in done)
            sb.Append("  - ").Append(Utc(a.OutcomeAt)).Append(' ').Append(a.Operation ?? a.Description ?? a.ActionId).Append(' ').Append(a.Target ?? "").Append('\n');
        Line("State", SummarySection.State(r));
        Line("Request", t["SupportRequestText"]);
        return sb.ToString();
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "-" : string.Join(", ", list);
    }
}
