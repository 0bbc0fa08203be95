using System.Text.Json.Nodes;
using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>Every containment action with its state before and after and its outcome; then what waits for a person.</summary>
public static class ContainmentSection
{
    /// <summary>A state longer than this is cut (the full state is in the journal).</summary>
    public const int MaxStateLength = 300;

    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var c = r.Facts.Containment;
        var blocks = new List<ReportBlock> { new Paragraph(SummarySection.State(r), t["CurrentState"]) };
        if (c.Approval is { } approval)
            blocks.Add(new Paragraph(t.Get("ApprovedBy", approval.By ?? "-", r.When(approval.Time)), t["Approval"]));
        if (c.Actions.Count == 0) blocks.Add(new Paragraph(t["NoContainment"]));
        else
            blocks.Add(new Table([t["Action"], t["Target"], t["Operation"], t["Before"], t["After"], t["Outcome"], t["When"]],
                c.Actions.Select(a => (IReadOnlyList<string>)
                [
                    a.Description is not null && !r.Text.Japanese ? a.Description : ActionWords.What(r, a), a.Target ?? "-", a.Operation ?? "-", State(a.Before), State(a.After),
                    t.Word("Outcome", a.Outcome ?? "not-finished") + (a.Reason is not null ? " — " + ActionWords.Why(r, a) : a.Note is { } note ? " — " + note : "") + (a.RolledBack ? " (" + t["RolledBack"] + ")" : ""),
                    r.When(a.OutcomeAt ?? a.ChangedAt ?? a.BeforeAt),
                ]).ToList())
            { Emphasis = c.Actions.Select((a, i) => (a, i)).Where(x => x.a.Outcome is "failed" || x.a.NeedsPerson).Select(x => x.i).ToHashSet() });
        if (SpotReclaimNotice.For(c, t) is { } spot) blocks.Add(spot);
        if (c.LastCheck is { NewResources.Count: > 0 } check)
            blocks.Add(new Paragraph(string.Join(", ", check.NewResources), t["NewResources"]));

        blocks.Add(new SubHeading(t["PendingHeading"]));
        var pending = c.Actions.Where(a => a.NeedsPerson).ToList();
        if (pending.Count == 0) blocks.Add(new Paragraph(t["NothingPending"]));
        blocks.Add(new BulletList(Decisions.For(r)));
        return new ReportSection("containment", t["ContainmentHeading"], blocks);
    }

    /// <summary>A recorded state as one line of compact JSON (cut at <see cref="MaxStateLength"/>).</summary>
    public static string State(JsonNode? state)
    {
        if (state is null) return "-";
        var text = state is JsonValue v && v.TryGetValue<string>(out var s) ? s : state.ToJsonString();
        return text.Length <= MaxStateLength ? text : text[..MaxStateLength] + "…";
    }
}
