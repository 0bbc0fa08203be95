using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>
/// When the response started with no key (triage): the identities showing signs of compromise, not
/// yet confirmed by a person, with the signs and the command that confirms each. Absent otherwise.
/// </summary>
public static class CandidatesSection
{
    public static IEnumerable<ReportSection> Build(ReportContext r)
    {
        var t = r.Text;
        var candidates = r.Facts.Candidates;
        if (candidates.Count == 0) yield break;
        var rows = candidates.Select(c => (IReadOnlyList<string>)
        [
            $"{c.Kind} {c.Id}" + (c.UserName is { } u && u != c.Id ? $" ({u})" : ""),
            t.Word("Strength", c.Strength) + (c.LikelyOrigin ? " · " + t["LikelyOrigin"] : ""),
            string.Join("; ", c.Signs.Select(s => $"{t.Word("SignKind", s.Kind)}: {r.Say(s.Summaries, s.Summary)}")),
            c.Confirm ?? "-",
        ]).ToList();
        yield return new ReportSection("candidates", t["CandidatesHeading"],
        [
            new Paragraph(t["CandidatesIntro"]),
            new Table([t["CandidatesWho"], t["CandidatesStrength"], t["CandidatesSigns"], t["CandidatesConfirm"]], rows)
            {
                Emphasis = candidates.Select((c, i) => (c, i)).Where(x => x.c.LikelyOrigin).Select(x => x.i).ToHashSet(),
            },
        ]);
    }
}
