using Shodo.Investigation.Sight;

namespace Shodo.Reports.Sections;

/// <summary>What the event sources did not read, as the report says it: "us-east-1 (InternalFailure), eu-west-1 (AccessDenied), …".</summary>
public static class SightWords
{
    public const int MaxListed = 6;

    public static string Unread(ReportContext r)
    {
        var sight = r.Facts.Sight;
        var items = sight.Unread.Select(x => $"{x.Region} ({x.Reason ?? r.Text["Unknown"]})")
            .Concat(sight.Gaps.Where(g => !g.IsLookup).Select(g => $"{g.Source} ({g.Code ?? g.Kind})"))
            .Distinct(StringComparer.Ordinal).ToList();
        if (items.Count == 0) return string.Join(", ", sight.Reasons);
        return items.Count <= MaxListed ? string.Join(", ", items) : string.Join(", ", items.Take(MaxListed)) + $", … (+{items.Count - MaxListed})";
    }
}
