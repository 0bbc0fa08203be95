using System.Text;
using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>
/// A crash at any point of a write leaves a case that verifies, and the next run that opens the case
/// repairs what the crash left and journals the repair (<c>case.repaired</c>). Each test leaves the
/// files exactly as a SIGKILL between two durable writes (or inside one append) leaves them.
/// </summary>
public class CaseRepairTests
{
    private static async Task<string> BuildCaseAsync(TempFolder root, int stores = 3)
    {
        using var c = Case.Open(root.Path, new CaseOptions { LocalUser = "alice", Host = "h" });
        for (var i = 0; i < stores; i++)
            await c.Evidence.StoreAsync(Samples.Utf8($"{{\"Users\":[{{\"UserName\":\"u{i}\"}}]}}"), new EvidenceDescriptor("iam", "ListUsers", null) { Page = i + 1 });
        await c.Documents.WriteJsonAsync("plan.json", new JsonObject { ["version"] = 1 }, "plan");
        return c.Directory;
    }

    private static string Index(string dir) => CaseFileNames.Full(dir, CaseFileNames.EvidenceIndex);
    private static string Journal(string dir) => Path.Combine(dir, CaseFileNames.Journal);

    private static void Intact(string dir, bool notes)
    {
        var result = CaseVerifier.Verify(dir);
        Assert.True(result.Intact, string.Join("; ", result.Findings));
        Assert.Equal(notes, result.Notes.Count > 0);
    }

    private static List<JsonObject> Repairs(string dir) =>
        JournalReader.Read(CaseFolder.At(dir), JournalKinds.CaseRepaired).Select(e => e.Data).ToList();

    [Fact]
    public async Task A_store_cut_short_between_its_journal_entry_and_its_index_line_verifies_and_the_next_run_restores_the_line()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        // The store of a 4th record died after the journal entry: the index lacks its line.
        using (var c = Case.Load(dir))
            await c.Evidence.StoreAsync(Samples.Utf8("{\"Roles\":[]}"), new EvidenceDescriptor("iam", "ListRoles", null));
        var index = File.ReadAllLines(Index(dir));
        File.WriteAllText(Index(dir), string.Join("", index[..^1].Select(l => l + "\n")) + index[^1][..10]);

        Intact(dir, notes: true);
        var note = Assert.Single(CaseVerifier.Verify(dir).Notes);
        Assert.Equal(CaseFileNames.EvidenceIndex, note.Path);

        using (var c = Case.Load(dir))
            await c.Evidence.StoreAsync(Samples.Utf8("{\"Groups\":[]}"), new EvidenceDescriptor("iam", "ListGroups", null));
        Intact(dir, notes: false);
        Assert.Equal(5, File.ReadAllLines(Index(dir)).Length);
        var repair = Assert.Single(Repairs(dir));
        Assert.Equal("evidence-index", (string?)repair["what"]);
        Assert.Equal(1, (int?)repair["restored"]);
    }

    [Fact]
    public async Task An_index_line_an_earlier_version_left_without_its_journal_entry_is_set_aside_by_the_next_run_and_journaled()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        // Shodo before this change wrote the index line first: a crash left a line the journal never recorded.
        var orphan = File.ReadAllLines(Index(dir))[0].Replace("\"page\":1", "\"page\":9");
        File.AppendAllText(Index(dir), orphan + "\n");
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == CaseFileNames.EvidenceIndex);
        var before = File.ReadAllBytes(Index(dir));

        using (var c = Case.Load(dir))
            await c.Evidence.StoreAsync(Samples.Utf8("{\"Roles\":[]}"), new EvidenceDescriptor("iam", "ListRoles", null));

        Intact(dir, notes: false);
        var repair = Assert.Single(Repairs(dir));
        Assert.Equal("evidence-index", (string?)repair["what"]);
        Assert.Equal(1, (int?)repair["dropped"]);
        var kept = (string)repair["previous"]!["path"]!;
        Assert.Equal(before, File.ReadAllBytes(CaseFileNames.Full(dir, kept)));
        Assert.Equal(ContentHash.Sha256(before), (string?)repair["previous"]!["sha256"]);
    }

    [Fact]
    public async Task A_journal_append_cut_short_is_not_part_of_the_record_and_the_next_run_removes_it_and_journals_that()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        var lines = File.ReadAllLines(Journal(dir));
        var torn = lines[^1][..(lines[^1].Length / 2)];
        File.AppendAllText(Journal(dir), torn);

        Intact(dir, notes: true);
        Assert.Equal(lines.Length, CaseVerifier.Verify(dir).JournalEntries);

        using (var c = Case.Load(dir)) await c.Journal.AppendAsync("note", new JsonObject { ["after"] = "repair" });
        Intact(dir, notes: false);
        var repair = Assert.Single(Repairs(dir));
        Assert.Equal("journal-tail", (string?)repair["what"]);
        Assert.Equal(Encoding.UTF8.GetByteCount(torn), (int?)repair["bytes"]);
        Assert.Equal(ContentHash.Sha256(Encoding.UTF8.GetBytes(torn)), (string?)repair["sha256"]);
        Assert.Equal(lines.Length + 2, File.ReadAllLines(Journal(dir)).Length);
    }

    [Fact]
    public async Task A_whole_last_entry_without_its_newline_is_kept_and_the_next_run_adds_the_newline()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        var bytes = File.ReadAllBytes(Journal(dir));
        File.WriteAllBytes(Journal(dir), bytes[..^1]);
        var entries = File.ReadAllLines(Journal(dir)).Length;

        Intact(dir, notes: true);
        Assert.Equal(entries, CaseVerifier.Verify(dir).JournalEntries);

        using (var c = Case.Load(dir)) await c.Journal.AppendAsync("note");
        Intact(dir, notes: false);
        Assert.Equal(entries + 2, File.ReadAllLines(Journal(dir)).Length);
        Assert.Equal("journal-newline", (string?)Assert.Single(Repairs(dir))["what"]);
    }

    [Fact]
    public async Task A_document_journaled_but_not_yet_renamed_into_place_verifies_and_the_next_run_puts_it_in_place()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        var plan = Path.Combine(dir, "plan.json");
        var v1 = File.ReadAllBytes(plan);
        using (var c = Case.Load(dir)) await c.Documents.WriteJsonAsync("plan.json", new JsonObject { ["version"] = 2 }, "plan");
        var v2 = File.ReadAllBytes(plan);
        // The write of version 2 died after its journal entry, before the rename.
        File.WriteAllBytes(plan + ".tmp", v2);
        File.WriteAllBytes(plan, v1);

        Intact(dir, notes: true);
        Assert.Equal("plan.json", Assert.Single(CaseVerifier.Verify(dir).Notes).Path);

        using (Case.Load(dir)) { }
        Intact(dir, notes: false);
        Assert.Equal(v2, File.ReadAllBytes(plan));
        Assert.False(File.Exists(plan + ".tmp"));
        var repair = Assert.Single(Repairs(dir));
        Assert.Equal("document", (string?)repair["what"]);
        Assert.Equal("plan.json", (string?)repair["path"]);
    }

    [Fact]
    public async Task A_document_written_but_not_yet_journaled_leaves_the_journaled_version_in_place()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        File.WriteAllText(Path.Combine(dir, "plan.json.tmp"), "{\"version\":3}\n");
        Intact(dir, notes: false);
        using (Case.Load(dir)) { }
        Intact(dir, notes: false);
        Assert.Empty(Repairs(dir));
    }

    [Fact]
    public async Task Tampering_that_merely_looks_like_a_crash_is_still_reported()
    {
        using var root = new TempFolder();
        var dir = await BuildCaseAsync(root);
        var index = File.ReadAllLines(Index(dir));
        File.WriteAllText(Index(dir), index[0] + "\n");  // two index lines gone, not one
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == CaseFileNames.EvidenceIndex);
        File.WriteAllText(Index(dir), string.Join("", index[..^1].Select(l => l + "\n")));  // the last store is not the last entry
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == CaseFileNames.EvidenceIndex);
        File.WriteAllText(Index(dir), string.Join("", index.Select(l => l + "\n")));

        File.AppendAllText(Journal(dir), "{\"seq\":99}x");  // an ended object with more after it: not a cut-short append
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == CaseFileNames.Journal);
        Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Case.Load(dir));

        var plan = Path.Combine(dir, "plan.json");
        File.WriteAllBytes(Journal(dir), File.ReadAllBytes(Journal(dir))[..^11]);
        File.WriteAllText(plan + ".tmp", File.ReadAllText(plan));
        File.WriteAllText(plan, "{\"version\":0}\n");  // neither the journaled version nor the one before it
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == "plan.json");
    }
}
