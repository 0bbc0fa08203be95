using Shodo.Reports.Sections;

namespace Shodo.Reports.Document;

/// <summary>Puts the sections in the order a reader needs them: summary first, the AWS Support text last.</summary>
public static class ReportComposer
{
    public static ReportDocument Compose(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        var title = t.Get("Title", f.AccountId ?? "-");
        var subtitle = new List<string>
        {
            t.Get("Subtitle", f.Manifest.Id, r.When(f.GeneratedAt), r.Clock.ZoneName),
        };
        if (f.Manifest.Title is { Length: > 0 } caseTitle) subtitle.Insert(0, caseTitle);
        return new ReportDocument(t.Japanese ? "ja" : "en", title, subtitle,
        [
            SummarySection.Build(r),
            .. CandidatesSection.Build(r),
            ImpactSection.Build(r),
            TimelineSection.Build(r),
            AttackerSection.Build(r),
            ContainmentSection.Build(r),
            .. AccountsSection.Build(r),
            EvidenceSection.Build(r),
            CoverageSection.Build(r),
            AwsSupportSection.Build(r),
        ]);
    }
}
