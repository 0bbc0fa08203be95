using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>
/// The other AWS accounts the attacker entered from this one (accounts-reached.json), each with how: the role it assumed,
/// the session name it chose, the key that assumed it, the session key it got, when and from where. Nothing when none
/// was seen. A pivot seen only in the account entered (its session's own records) says who assumed it is not known. The session name is the attacker's string: the renderers escape it like every cell.
/// </summary>
public static class AccountsReachedBlock
{
    public static IEnumerable<ReportBlock> Build(ReportContext r)
    {
        var t = r.Text;
        var reached = r.Facts.AccountsReached;
        if (reached.Count == 0) yield break;
        yield return new SubHeading(t["AccountsReachedHeading"]);
        yield return new Paragraph(t.Get("AccountsReachedIntro", reached.Count));
        yield return new Table([t["AccountReached"], t["ReachedByRole"], t["SessionName"], t["AssumedWith"], t["SessionKey"], t["FirstSeen"], t["SourceIp"]],
            reached.SelectMany(a => a.Via.Select(v => (IReadOnlyList<string>)
            [
                a.AccountId, v.RoleArn, v.SessionName ?? "-", v.AssumedWithKey ?? v.AssumedBy ?? (v.SeenIn == Investigation.Identities.AccountPivot.Destination ? t["PivotSeenThere"] : "-"), v.SessionKey ?? "-", r.When(v.Time), v.SourceIp ?? "-",
            ])).ToList());
    }
}
