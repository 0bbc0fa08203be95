using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>
/// The report's data-exposure section says, per door the attacker opened (the CRM snapshot shared with 444455556666),
/// to whom it was open, since when, and what Shodo closed and when — in English and Japanese.
/// </summary>
public sealed class DataDoorsReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private async Task<string> Markdown(string lang)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        return await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, lang));
    }

    private static string Row(string md, string heading) =>
        md[md.IndexOf(heading, StringComparison.Ordinal)..].Split('\n').First(l => l.Contains("crm-db-manual-2026-11-20", StringComparison.Ordinal));

    [Fact]
    public async Task Each_door_says_to_whom_it_was_open_since_when_and_when_shodo_closed_it()
    {
        var md = await Markdown("en");
        Assert.Contains("Doors to the data the attacker opened", md);
        var row = Row(md, "Doors to the data the attacker opened");
        Assert.Contains(LeakedKeyCase.OutsideAccount, row);
        Assert.Contains("2026-11-28 02:43:00 UTC", row); // shared 71 minutes after the attack began
        Assert.Matches(@"closed 2026-11-28 \d\d:\d\d:\d\d UTC \(removed: 444455556666\)", row);
    }

    [Fact]
    public async Task In_Japanese_the_same_facts_under_japanese_labels()
    {
        var md = await Markdown("ja");
        var row = Row(md, "攻撃者が開いたデータへの扉");
        Assert.Contains(LeakedKeyCase.OutsideAccount, row);
        Assert.Contains("に閉鎖（削除した共有先: 444455556666）", row);
    }
}
