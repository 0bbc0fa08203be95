using Shodo.Reports.Document;
using Shodo.Reports.Facts;

namespace Shodo.Reports.Sections;

/// <summary>
/// The organisation (issue 21): a summary of every other account the response entered or could not, then a part per
/// account — why it was entered, how its response ended, the attacker's identities and resources confirmed there, or,
/// for an account Shodo could not enter, the gap in words (nothing there was recorded or contained). Nothing when the
/// response entered no other account. Names and ids are AWS's strings: the renderers escape every cell.
/// </summary>
public static class AccountsSection
{
    public static IEnumerable<ReportSection> Build(ReportContext r)
    {
        var t = r.Text;
        var accounts = r.Facts.MemberAccounts;
        if (accounts.Count == 0) yield break;
        var blocks = new List<ReportBlock>
        {
            new Paragraph(t.Get("AccountsSummary", accounts.Count, accounts.Count(a => a.Outcome.Entered),
                accounts.Count(a => a.Outcome.Contained), accounts.Count(a => !a.Outcome.Entered))),
            new Table([t["Account"], t["AccountWhy"], t["AccountEntered"], t["AccountOutcome"], t["AccountContained"], t["AccountIdentities"], t["AccountResources"]],
                accounts.Select(a => (IReadOnlyList<string>)
                [
                    a.Outcome.AccountId, Why(r, a), a.Outcome.Entered ? t["Yes"] : t["No"], a.Outcome.Outcome ?? "-",
                    a.Outcome.Contained ? t["Yes"] : t["No"], a.Identities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    a.Resources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]).ToList()),
        };
        foreach (var a in accounts)
        {
            var o = a.Outcome;
            blocks.Add(new SubHeading(t.Get("AccountHeading", o.AccountId)));
            if (!o.Entered)
            {
                blocks.Add(new Paragraph(t.Get("AccountNotEntered", o.RoleArn, o.Code ?? "-", o.Message ?? "-")));
                continue;
            }
            blocks.Add(new Paragraph(t.Get("AccountEnteredAs", o.RoleArn, Why(r, a), o.Case ?? "-", o.Outcome ?? "-", o.Detail ?? "-")));
            if (a.EventsFrom is { } events) blocks.Add(new Paragraph(AccountEventsSource.Say(t, events)));
            if (a.Identities.Count > 0)
                blocks.Add(new Table([t["Identity"], t["Kind"], t["FirstSeen"], t["SourceIp"], t["Why"]],
                    a.Identities.OrderBy(i => i.FirstSeen).Select(i => (IReadOnlyList<string>)
                    [
                        i.AccessKeyId ?? i.Arn ?? i.Name, t.Word("IdentityKind", i.Kind.ToString()), r.When(i.FirstSeen),
                        string.Join(", ", i.SourceIps), r.Say(i.Reasons, i.Reason),
                    ]).ToList()));
            if (a.Resources.Count > 0)
                blocks.Add(new Table([t["Kind"], t["Region"], t["ResourceId"], t["Name"], t["CreatedBy"], t["CreatedAt"]],
                    a.Resources.OrderBy(x => x.Type, StringComparer.Ordinal).ThenBy(x => x.Region, StringComparer.Ordinal)
                        .ThenBy(x => x.ResourceId, StringComparer.Ordinal).Select(x => (IReadOnlyList<string>)
                        [
                            x.Type, x.Region ?? t["Global"], x.ResourceId, x.Name ?? "-", x.CreatedBy ?? "-", r.When(x.CreatedAt),
                        ]).ToList()));
            if (a.Identities.Count == 0 && a.Resources.Count == 0) blocks.Add(new Paragraph(t["AccountNothingFound"]));
            if (o.SessionsLeftToScp.Count > 0)
                blocks.Add(new Paragraph(t.Get("AccountSessionsLeft", o.RoleArn, string.Join(", ", o.SessionsLeftToScp))));
        }
        yield return new ReportSection("accounts", t["AccountsHeading"], blocks);
    }

    private static string Why(ReportContext r, MemberAccountFacts a) =>
        string.Join(", ", a.Outcome.Why.Select(w => r.Text.Word("AccountWhy", w)));
}
