using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports.Facts;

namespace Shodo.Tests.Cases;

/// <summary>
/// The read-only view the steps' typed documents are read through: it reads a case another writer holds
/// (report and verify never take the lock), says null for a document not written yet, and refuses a path
/// outside the case folder as the writer does.
/// </summary>
public class CaseFolderTests
{
    [Fact]
    public async Task Reads_the_documents_of_a_case_a_writer_holds_without_taking_its_lock()
    {
        using var root = new TempFolder();
        using var writer = Case.Open(root.Path);
        await InvestigationFiles.WriteAsync(writer, InvestigationFiles.Identities, "shodo-identities/1", "identities",
            [new AttackerIdentity { Id = "id-1", Kind = IdentityKind.User, Name = "backdoor", Confidence = Confidence.Confirmed, Reason = "created by the leaked key" }]);

        var folder = CaseFolder.At(writer.Directory);
        Assert.True(folder.Has(InvestigationFiles.Identities));
        Assert.False(folder.Has(InvestigationFiles.Findings));
        Assert.Null(folder.Read(InvestigationFiles.Findings));
        Assert.Equal("backdoor", Assert.Single(InvestigationFiles.ReadIdentities(folder)).Name);

        var facts = CaseFactsReader.Read(folder, TimeProvider.System);
        Assert.Equal("backdoor", Assert.Single(facts.Identities).Name);
        Assert.Contains(InvestigationFiles.Findings, facts.MissingDocuments);
        Assert.DoesNotContain(InvestigationFiles.Identities, facts.MissingDocuments);

        // The writer still holds the case: nothing above took or released its lock.
        await writer.Journal.AppendAsync("test.after-read", new JsonObject());
        var busy = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Case.Load(writer.Directory));
        Assert.Equal(Shodo.Diagnostics.ExitCode.CaseBusy, busy.Diagnostic.Code);
    }

    [Theory]
    [InlineData("../outside.json")]
    [InlineData("journal.jsonl")]
    [InlineData("evidence/blob")]
    public void Refuses_a_path_that_is_not_a_document_of_the_case(string path)
    {
        using var root = new TempFolder();
        using var c = Case.Open(root.Path);
        Assert.Throws<ArgumentException>(() => c.Folder.Read(path));
    }
}
