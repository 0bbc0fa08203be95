using System.Text;
using Shodo.Cases;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>What the Markdown and HTML reports say about the leaked-key case, in English and Japanese.</summary>
public sealed class ReportContentTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    private string _headBefore = "";
    public void Dispose() => _folder.Dispose();

    private async Task<(string Dir, string Text)> Write(ReportFormat format, string lang, ReportOptions? options = null)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        _headBefore = CaseVerifier.Verify(dir).JournalHead;
        var path = await ReportBuilder.WriteAsync(dir, format, lang, options);
        return (dir, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Markdown_report_states_what_happened_when_and_what_is_left()
    {
        var (dir, md) = await Write(ReportFormat.Markdown, "en");
        File.WriteAllText("/tmp/report.en.md", md);
        Assert.Contains("# Incident report: AWS account 111122223333", md);
        Assert.Contains(LeakedKeyCase.LeakedKey, md);
        Assert.Contains("2026-11-28 01:32:00 UTC", md); // began
        Assert.Contains("2026-11-28 04:52:00 UTC", md); // detected = case opened
        Assert.Contains("ops-sato", md); // acknowledged by
        Assert.Contains("acme-customer-data", md);
        Assert.Contains("444455556666", md);
        Assert.Contains("waiting for approval", md);
        Assert.Contains("needs a decision", md);
        Assert.Contains("shodo case verify", md);
        Assert.Contains(_headBefore, md);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }
}
