using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>Documents (findings.json, plan.json, reports) are journaled with their hash and verified.</summary>
public class CaseDocumentsTests
{
    [Fact]
    public async Task A_rewritten_document_verifies_against_its_latest_entry()
    {
        using var root = new TempFolder();
        string dir;
        using (var c = Case.Open(root.Path))
        {
            dir = c.Directory;
            await c.Documents.WriteJsonAsync("findings.json", new JsonObject { ["n"] = 1 }, "investigate");
            var record = await c.Documents.WriteJsonAsync("findings.json", new JsonObject { ["n"] = 2 }, "investigate");
            await c.Documents.WriteAsync("reports/report.md", Encoding.UTF8.GetBytes("# 報告\n"), "report");
            Assert.Equal("{\"n\":2}\n", Encoding.UTF8.GetString(c.Documents.Read("findings.json")!));
            Assert.Equal(ContentHash.Sha256(File.ReadAllBytes(Path.Combine(dir, "findings.json"))), record.Sha256);
        }
        var result = CaseVerifier.Verify(dir);
        Assert.True(result.Intact, string.Join("; ", result.Findings));
        Assert.Equal(2, result.Documents);
    }

    [Fact]
    public async Task A_changed_or_missing_document_is_named()
    {
        using var root = new TempFolder();
        string dir;
        using (var c = Case.Open(root.Path))
        {
            dir = c.Directory;
            await c.Documents.WriteJsonAsync("plan.json", new JsonObject { ["actions"] = new JsonArray() }, "plan");
            await c.Documents.WriteAsync("report.md", "ok\n"u8.ToArray(), "report");
        }
        File.AppendAllText(Path.Combine(dir, "plan.json"), " ");
        File.Delete(Path.Combine(dir, "report.md"));
        var result = CaseVerifier.Verify(dir);
        Assert.Contains(result.Findings, f => f.Path == "plan.json");
        Assert.Contains(result.Findings, f => f.Path == "report.md");
    }

    [Theory]
    [InlineData("../outside.json")]
    [InlineData("/etc/passwd")]
    [InlineData("journal.jsonl")]
    [InlineData("evidence/index.jsonl")]
    public async Task Paths_outside_the_documents_are_refused(string path)
    {
        using var root = new TempFolder();
        using var c = Case.Open(root.Path);
        await Assert.ThrowsAsync<ArgumentException>(() => c.Documents.WriteAsync(path, "x"u8.ToArray(), "t"));
    }
}
