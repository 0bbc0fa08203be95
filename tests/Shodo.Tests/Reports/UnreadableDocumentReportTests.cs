using Shodo.Reports;
using Shodo.Reports.Facts;

namespace Shodo.Tests.Reports;

/// <summary>
/// A document another step wrote that cannot be read (cut off, or not the shape it should be) is named in the report as
/// unreadable — never read as if it said nothing (coverage.json as "no gaps", plan.json as "no plan", a timeline with its unreadable lines left out).
/// </summary>
public sealed class UnreadableDocumentReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("coverage.json", """{"format":"shodo-coverage/1","complete":true,"gaps":[{"kind":""")]
    [InlineData("coverage.json", """{"format":"shodo-coverage/1","investigation":{"complete":true,"digests":[{"digests":0}]}}""")]
    [InlineData("plan.json", """{"format":"shodo-plan/1","actions":[""")]
    [InlineData("plan.json", "[]")]
    [InlineData("timeline.jsonl", "{\"eventTime\":\"2026-11-28T01:00:00.000Z\",\"eventName\":\"RunInstances\"}\n{\"time\":")]
    [InlineData("timeline.jsonl", "{\"eventName\":\"RunInstances\"}\n")]
    public async Task A_document_that_cannot_be_read_is_named_in_the_report(string document, string content)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        await File.WriteAllTextAsync(Path.Combine(dir, document), content);

        Assert.Contains(document, CaseFactsReader.Read(Shodo.Cases.CaseFolder.At(dir), TimeProvider.System).MissingDocuments);
        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        Assert.Contains($"{document} is missing or could not be read: what it holds is not in this report.", md);
    }
}
