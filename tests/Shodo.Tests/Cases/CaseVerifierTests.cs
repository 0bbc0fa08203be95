using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>
/// Tamper evidence: an untouched case verifies, and changing any single byte of the journal, of an
/// evidence blob, of case.json or of the evidence index makes verification fail naming the file.
/// Every byte position of the journal and of a blob is tried with all bits flipped (0xFF), and every
/// third position also with only the lowest bit flipped (0x01: 'a' to '`', '0' to '1', '\n' to VT).
/// </summary>
public class CaseVerifierTests
{
    private static IEnumerable<byte> Flips(int position) => position % 3 == 0 ? [0xFF, 0x01] : [0xFF];

    private static string BuildCase(TempFolder root)
    {
        using var c = Case.Open(root.Path, new CaseOptions
        {
            Title = "drill", AccountId = "123456789012", LocalUser = "alice", Host = "h",
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero)),
        });
        c.Evidence.StoreAsync(Samples.Utf8("<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>"),
            new EvidenceDescriptor("ec2", "DescribeInstances", "us-east-1") { Page = 1 }).GetAwaiter().GetResult();
        c.Journal.AppendAsync("interlock.refused", new JsonObject { ["operation"] = "ec2:TerminateInstances", ["名前"] = "日本語" }, "destructive").GetAwaiter().GetResult();
        return c.Directory;
    }

    private static void AssertFlipsAreDetected(string dir, string relative, IEnumerable<int> positions)
    {
        var path = CaseFileNames.Full(dir, relative);
        var original = File.ReadAllBytes(path);
        foreach (var position in positions)
        foreach (var flip in Flips(position))
        {
            var altered = (byte[])original.Clone();
            altered[position] ^= flip;
            File.WriteAllBytes(path, altered);
            var result = CaseVerifier.Verify(dir);
            Assert.False(result.Intact, $"{relative}: byte {position} ^ 0x{flip:x2} went unnoticed");
            Assert.Contains(result.Findings, f => f.Path == relative);
        }
        File.WriteAllBytes(path, original);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public void An_untouched_case_verifies()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var result = CaseVerifier.Verify(dir);
        Assert.True(result.Intact, string.Join("; ", result.Findings));
        Assert.Equal(3, result.JournalEntries);
        Assert.Equal(1, result.EvidenceRecords);
        Assert.Equal(1, result.EvidenceBlobs);
    }

    [Fact]
    public void Flipping_any_byte_of_the_journal_is_detected_and_names_the_journal()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var length = new FileInfo(Path.Combine(dir, "journal.jsonl")).Length;
        AssertFlipsAreDetected(dir, "journal.jsonl", Enumerable.Range(0, (int)length));
    }

    [Fact]
    public void Flipping_any_byte_of_an_evidence_blob_is_detected_and_names_the_blob()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var blob = Path.GetRelativePath(dir, Directory.GetFiles(Path.Combine(dir, "evidence"), "*.gz", SearchOption.AllDirectories).Single()).Replace('\\', '/');
        var length = new FileInfo(Path.Combine(dir, blob)).Length;
        AssertFlipsAreDetected(dir, blob, Enumerable.Range(0, (int)length));
    }

    [Fact]
    public void Flipping_bytes_of_case_json_or_the_evidence_index_is_detected()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        foreach (var relative in new[] { "case.json", "evidence/index.jsonl" })
        {
            var length = (int)new FileInfo(CaseFileNames.Full(dir, relative)).Length;
            AssertFlipsAreDetected(dir, relative, Enumerable.Range(0, length).Where(i => i % 3 == 0));
        }
    }

    [Fact]
    public void The_first_broken_journal_line_is_named_with_its_line_number()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var path = Path.Combine(dir, "journal.jsonl");
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("TerminateInstances", "StopInstances");
        File.WriteAllLines(path, lines);
        var finding = Assert.Single(CaseVerifier.Verify(dir).Findings);
        Assert.Equal("journal.jsonl", finding.Path);
        Assert.Equal(3, finding.Line);
        Assert.Contains("3", finding.Problem);
    }

    [Fact]
    public void A_line_that_no_longer_parses_is_reported_not_thrown()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var path = Path.Combine(dir, "journal.jsonl");
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1][..20];
        File.WriteAllLines(path, lines);
        var finding = CaseVerifier.Verify(dir).Findings.First();
        Assert.Equal(("journal.jsonl", (int?)2), (finding.Path, finding.Line));
    }

    [Fact]
    public void A_removed_entry_a_removed_blob_and_a_removed_file_are_each_reported()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var journal = Path.Combine(dir, "journal.jsonl");
        var lines = File.ReadAllLines(journal);
        File.WriteAllLines(journal, [lines[0], lines[2]]);
        Assert.Equal(2, CaseVerifier.Verify(dir).Findings.First().Line);
        File.WriteAllLines(journal, lines);

        var blob = Directory.GetFiles(Path.Combine(dir, "evidence"), "*.gz", SearchOption.AllDirectories).Single();
        var saved = File.ReadAllBytes(blob);
        File.Delete(blob);
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path.EndsWith(".gz", StringComparison.Ordinal));
        File.WriteAllBytes(blob, saved);

        File.Move(Path.Combine(dir, "case.json"), Path.Combine(dir, "case.json.bak"));
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == "case.json");
    }

    [Fact]
    public void An_index_line_added_without_a_journal_entry_is_reported()
    {
        using var root = new TempFolder();
        var dir = BuildCase(root);
        var index = CaseFileNames.Full(dir, "evidence/index.jsonl");
        File.AppendAllText(index, File.ReadAllLines(index)[0] + "\n");
        Assert.Contains(CaseVerifier.Verify(dir).Findings, f => f.Path == "evidence/index.jsonl");
    }
}
