namespace Shodo.Reports.Document;

/// <summary>
/// A report as structure, before it becomes Markdown or HTML: a title, sections, and blocks of text,
/// tables and lists. Every string in it is text, never markup: each renderer escapes all of it for
/// its medium, so a value from AWS cannot become markup anywhere.
/// </summary>
public sealed record ReportDocument(string Language, string Title, IReadOnlyList<string> Subtitle, IReadOnlyList<ReportSection> Sections);

public sealed record ReportSection(string Id, string Heading, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock;

/// <summary>A paragraph; a <see cref="Label"/> is shown in bold before the text.</summary>
public sealed record Paragraph(string Text, string? Label = null) : ReportBlock;

public sealed record SubHeading(string Text) : ReportBlock;

public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table; <see cref="Emphasis"/> rows (by index) are highlighted (personal data, failures).</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock
{
    public IReadOnlySet<int> Emphasis { get; init; } = new HashSet<int>();
    /// <summary>Columns holding numbers (right-aligned).</summary>
    public IReadOnlySet<int> NumericColumns { get; init; } = new HashSet<int>();
}

/// <summary>Text shown exactly as written, for copying (commands, the AWS Support case text).</summary>
public sealed record Preformatted(string Text) : ReportBlock;

/// <summary>The timeline chart; text formats show the timeline table instead.</summary>
public sealed record TimelineChart(IReadOnlyList<ChartLane> Lanes, IReadOnlyList<ChartPoint> Points, DateTimeOffset Start, DateTimeOffset End,
    string AxisLabel, Func<DateTimeOffset, string> TimeLabel) : ReportBlock;

/// <summary>One row of the chart: an identity in a region, or the response.</summary>
public sealed record ChartLane(string Label, bool Response);

public sealed record ChartPoint(int Lane, DateTimeOffset Time, string Title, bool Failed);
