using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>What Shodo could not see, and why: regions, denied calls, data events not logged, logging stopped, time before the sources.</summary>
public static class CoverageSection
{
    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var c = r.Facts.Coverage;
        var blocks = new List<ReportBlock>();
        if (c.Regions.Count > 0) blocks.Add(new Paragraph(string.Join(", ", c.Regions), t["RegionsSeen"]));
        if (c.Holes.Count == 0 && c.Complete != false) blocks.Add(new Paragraph(t["CoverageComplete"]));
        else
            blocks.Add(new Table([t["Gap"], t["Region"], t["WhatWasMissed"], t["Detail"]],
                c.Holes.Select(h => (IReadOnlyList<string>)
                [
                    t.Word("Gap", h.Kind), h.Region ?? "-",
                    h.Subject ?? string.Join(":", new[] { h.Service, h.Operation }.Where(x => !string.IsNullOrEmpty(x))), h.Detail is null ? "-" : r.Say(h.Details, h.Detail),
                ]).ToList()));
        foreach (var missing in r.Facts.MissingDocuments)
            blocks.Add(new Paragraph(t.Get("DocumentMissing", missing)));
        return new ReportSection("coverage", t["CoverageHeading"], blocks);
    }
}
