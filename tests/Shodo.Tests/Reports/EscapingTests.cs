using Shodo.Reports.Escaping;

namespace Shodo.Tests.Reports;

/// <summary>One escaping class per medium: what each does with attacker-chosen strings.</summary>
public class EscapingTests
{
    [Theory]
    [InlineData("\u001b[31mRED\u001b[0m", "\\u001b[31mRED\\u001b[0m")]
    [InlineData("a\rb\u0007c", "a\\u000db\\u0007c")]
    [InlineData("evil\u202Etxt.exe", "evil\\u202etxt.exe")]
    [InlineData("\u009b31m", "\\u009b31m")]
    [InlineData("plain 日本語", "plain 日本語")]
    public void Terminal_text_shows_control_characters_instead_of_obeying_them(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(input));

    [Fact]
    public void Html_text_escapes_markup_and_attribute_quotes()
    {
        var escaped = HtmlText.Escape("\"><img src=x onerror='alert(1)'><script>alert(2)</script>&amp;");
        Assert.Equal("&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&lt;script&gt;alert(2)&lt;/script&gt;&amp;amp;", escaped);
    }

    [Theory]
    [InlineData("[click](http://evil.example)", "\\[click\\](http\\://evil.example)")]
    [InlineData("![x](http://evil.example/p.png)", "\\!\\[x\\](http\\://evil.example/p.png)")]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("www.evil.example", "www\\.evil.example")]
    [InlineData("**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`")]
    [InlineData("line1\nline2", "line1 line2")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    public void Markdown_text_cannot_form_links_images_html_or_blocks(string input, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(input));

    [Fact]
    public void Markdown_code_block_fence_is_longer_than_any_backtick_run_inside()
    {
        var block = MarkdownText.CodeBlock("a ``` b\n````\nc");
        Assert.StartsWith("`````text\n", block);
        Assert.EndsWith("\n`````\n", block);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\\u0009=1")]
    [InlineData("\r=1", "'\\u000d=1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    public void Csv_cells_never_start_a_formula(string input, string expected) =>
        Assert.Equal(expected, CsvText.Cell(input));
}
