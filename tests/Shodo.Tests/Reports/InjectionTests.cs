using System.Text.RegularExpressions;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// The attacker names users, tags instances and sets user agents to script tags, attribute
/// breakers, Markdown links, spreadsheet formulas and ANSI escapes: every format stays inert.
/// (The browser test proves no script runs in the HTML.)
/// </summary>
public sealed class InjectionTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private async Task<string> Hostile(ReportFormat format)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root, hostile: true);
        return await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, format, "en"));
    }

    [Fact]
    public async Task Html_carries_hostile_strings_only_as_text()
    {
        var html = await Hostile(ReportFormat.Html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=\"", html);
        Assert.DoesNotContain('\u001b', html);
        Assert.Contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;", html);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=&quot;", html);
        Assert.Contains("\\u001b[31mRED", html);
        Assert.Matches("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;sha256-", html);
    }

    [Fact]
    public async Task Markdown_forms_no_link_image_html_or_escape_sequence()
    {
        var md = await Hostile(ReportFormat.Markdown);
        // raw HTML needs an unescaped '<' outside a fenced code block (whose content is shown literally)
        var outsideCode = Regex.Replace(md, "(?ms)^(`{3,})text\n.*?^\\1$", "");
        Assert.Contains("<script>", md[md.IndexOf("```text", StringComparison.Ordinal)..]);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)<"), outsideCode);
        Assert.Contains(@"aws-support-svc\<script\>", md);
        Assert.DoesNotContain('\u001b', md);
        Assert.DoesNotContain('\u0007', md);
        // a link or image needs an unescaped "](": every '[' and ']' from AWS is escaped
        Assert.DoesNotMatch(new Regex(@"(?<!\\)\]\("), outsideCode);
        Assert.Contains(@"\[click here\](http\://evil.example/steal) \!\[x\]", md);
        // a table row has exactly as many unescaped pipes as the header: hostile '|' cannot add cells
        foreach (var table in Tables(md))
            Assert.All(table.Rows, row => Assert.Equal(table.Pipes, UnescapedPipes(row)));
    }

    [Fact]
    public async Task Csv_neutralises_formulas_in_every_cell()
    {
        var csv = await Hostile(ReportFormat.Csv);
        var rows = CsvReader.Parse(csv.TrimStart('\uFEFF'));
        var cells = rows.SelectMany(r => r).ToList();
        Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"cell starts a formula: {c}"));
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK(", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.StartsWith("'@SUM(", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', csv);
        Assert.Equal(rows[0].Count, rows.Select(r => r.Count).Distinct().Single());
    }

    [Fact]
    public async Task Machine_formats_keep_control_characters_escaped()
    {
        var jsonl = await Hostile(ReportFormat.Timesketch);
        Assert.DoesNotContain('\u001b', jsonl);
        Assert.Contains("\\u001B[31mRED", jsonl, StringComparison.OrdinalIgnoreCase);
        var json = await Hostile(ReportFormat.Json);
        Assert.DoesNotContain('\u001b', json);
        Assert.DoesNotContain("<script>", json);
    }

    private static int UnescapedPipes(string line) => Regex.Matches(line, @"(?<!\\)\|").Count;

    private static IEnumerable<(int Pipes, List<string> Rows)> Tables(string md)
    {
        var lines = md.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("| ---", StringComparison.Ordinal)) continue;
            var pipes = UnescapedPipes(lines[i - 1]);
            var rows = lines.Skip(i + 1).TakeWhile(l => l.StartsWith('|')).ToList();
            yield return (pipes, rows);
        }
    }
}
