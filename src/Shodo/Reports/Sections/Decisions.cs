using Shodo.Investigation.Model;

namespace Shodo.Reports.Sections;

/// <summary>
/// The decisions Shodo leaves to a person: deleting what the attacker created, telling affected
/// people, contacting AWS Support, rotating other secrets, and every action waiting for approval.
/// </summary>
public static class Decisions
{
    public static IReadOnlyList<string> For(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        var list = new List<string>();
        if (f.Identities.Count == 0 && f.Candidates.FirstOrDefault(c => c.Confirm is not null) is { } first)
            list.Add(t.Get("DecisionConfirmCandidate", f.Candidates.Count, first.Confirm));
        foreach (var a in f.Containment.Actions.Where(a => a.NeedsPerson))
            list.Add(t.Get("DecisionAction", ActionWords.What(r, a), a.Target ?? "-", t.Word("Outcome", a.Outcome!), ActionWords.Why(r, a)));
        if (f.Resources.Count > 0)
            list.Add(t.Get("DecisionDelete", f.Resources.Count));
        var personal = (f.Impact?.DataExposure ?? []).Where(d => d.PersonalData && (d.Accessed != AccessVerdict.NotAccessed || d.SharedWith.Count > 0)).ToList();
        if (personal.Count > 0)
            list.Add(t.Get("DecisionNotify", string.Join(", ", personal.Select(d => d.Name))));
        list.Add(t["DecisionAwsSupport"]);
        list.Add(t["DecisionRotate"]);
        return list;
    }
}
