using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

/// <summary>
/// A hash chain alone cannot tell a forged journal from a true one: anyone who can write the case folder
/// can append an entry or rewrite every entry and recompute every hash. Verify says so ("consistent, not
/// anchored"), and detects both once the chain is anchored outside the folder: by a head that left it
/// (an escalation notice, the report) given back with --anchor, or by the journal key's MACs.
/// </summary>
public class JournalAnchorTests
{
    private static async Task<(string Dir, JournalAnchor Sent)> BuildCaseAsync(TempFolder root, JournalKey? key = null)
    {
        using var c = Case.Open(root.Path, new CaseOptions { LocalUser = "alice", Host = "h", JournalKey = key });
        await c.Evidence.StoreAsync(Samples.Utf8("{\"Users\":[]}"), new EvidenceDescriptor("iam", "ListUsers", null));
        await c.Journal.AppendAsync("containment.changed", new JsonObject { ["target"] = "AKIAEXAMPLE", ["to"] = "Inactive" });
        var sent = c.Journal.Last;  // what an escalation notice carried out of the folder
        await c.Journal.AppendAsync("note", new JsonObject { ["n"] = 1 });
        return (c.Directory, sent);
    }

    [Fact]
    public async Task A_forged_chain_verifies_as_consistent_and_verify_says_it_is_not_anchored()
    {
        using var root = new TempFolder();
        var (dir, _) = await BuildCaseAsync(root);
        JournalForger.Rewrite(dir, 3, e => e["data"]!["to"] = "Active");
        JournalForger.Append(dir, "containment.rolled-back");

        var result = CaseVerifier.Verify(dir);
        Assert.True(result.Intact);
        Assert.False(result.Anchoring.Anchored);
        Assert.Null(result.Anchoring.Through);
    }

    [Fact]
    public async Task With_a_head_that_left_the_folder_a_rewritten_chain_fails_and_entries_appended_after_it_are_not_anchored()
    {
        using var root = new TempFolder();
        var (dir, sent) = await BuildCaseAsync(root);
        var options = new CaseVerifyOptions { Anchors = [sent] };

        var untouched = CaseVerifier.Verify(dir, options);
        Assert.True(untouched.Intact, string.Join("; ", untouched.Findings));
        Assert.Equal(sent, untouched.Anchoring.Through);
        Assert.Equal([AnchorSource.Given], untouched.Anchoring.By);

        JournalForger.Append(dir, "containment.rolled-back");
        var appended = CaseVerifier.Verify(dir, options);
        Assert.True(appended.Intact);
        Assert.Equal(sent.Seq, appended.Anchoring.Through!.Seq);
        Assert.True(appended.JournalEntries > sent.Seq);

        JournalForger.Rewrite(dir, 3, e => e["data"]!["to"] = "Active");
        var rewritten = CaseVerifier.Verify(dir, options);
        Assert.False(rewritten.Intact);
        var finding = Assert.Single(rewritten.Findings);
        Assert.Equal(CaseFileNames.Journal, finding.Path);
        Assert.Contains(sent.ToString(), finding.Problem);
        Assert.False(rewritten.Anchoring.Anchored);
    }

    [Fact]
    public async Task A_chain_cut_short_before_the_anchor_fails()
    {
        using var root = new TempFolder();
        var (dir, sent) = await BuildCaseAsync(root);
        var path = Path.Combine(dir, CaseFileNames.Journal);
        File.WriteAllLines(path, File.ReadAllLines(path)[..(int)(sent.Seq - 1)]);
        Assert.False(CaseVerifier.Verify(dir, new CaseVerifyOptions { Anchors = [sent] }).Intact);
    }

    [Fact]
    public async Task With_the_journal_key_every_entry_is_anchored_and_a_chain_rewritten_without_the_key_fails()
    {
        using var root = new TempFolder();
        var key = new JournalKey("correct horse battery staple");
        var (dir, _) = await BuildCaseAsync(root, key);
        var keyed = new CaseVerifyOptions { Key = key };

        var untouched = CaseVerifier.Verify(dir, keyed);
        Assert.True(untouched.Intact, string.Join("; ", untouched.Findings));
        Assert.Equal(untouched.JournalEntries, untouched.Anchoring.Through!.Seq);
        Assert.Equal(untouched.JournalHead, untouched.Anchoring.Through.Hash);
        Assert.Equal([AnchorSource.JournalKey], untouched.Anchoring.By);
        var withoutKey = CaseVerifier.Verify(dir);
        Assert.True(withoutKey.Intact);
        Assert.False(withoutKey.Anchoring.Anchored);
        Assert.True(withoutKey.Anchoring.MacsUnchecked);

        JournalForger.Append(dir, "note");  // without the key: no MAC
        var appended = CaseVerifier.Verify(dir, keyed);
        Assert.True(appended.Intact);
        Assert.Equal(appended.JournalEntries - 1, appended.Anchoring.Through!.Seq);

        JournalForger.Rewrite(dir, 3, e => e["data"]!["to"] = "Active");
        var rewritten = CaseVerifier.Verify(dir, keyed);
        Assert.False(rewritten.Intact);
        Assert.Equal((CaseFileNames.Journal, (int?)3), (rewritten.Findings[0].Path, rewritten.Findings[0].Line));
        Assert.False(CaseVerifier.Verify(dir, new CaseVerifyOptions { Key = new JournalKey("another key, not the case's") }).Intact);

        // A forger who also strips the MACs from the rewritten entries leaves them unanchored, and verify says only that.
        for (var line = 3; line <= rewritten.JournalEntries; line++) JournalForger.Rewrite(dir, line, e => e.Remove("mac"));
        var stripped = CaseVerifier.Verify(dir, keyed);
        Assert.True(stripped.Intact);
        Assert.Equal(2, stripped.Anchoring.Through!.Seq);
    }

    [Fact]
    public async Task The_journal_key_never_reaches_the_case_folder()
    {
        using var root = new TempFolder();
        const string secret = "an organisation secret 7f3a";
        var (dir, _) = await BuildCaseAsync(root, new JournalKey(secret));
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain(secret, File.ReadAllText(file));
    }

    [Fact]
    public void A_journal_key_shorter_than_16_characters_is_refused_and_anchors_parse_only_as_seq_and_hash()
    {
        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => new JournalKey("short"));
        Assert.Equal(Shodo.Diagnostics.ExitCode.Usage, e.Diagnostic.Code);
        var hash = new string('a', 64);
        Assert.Equal(new JournalAnchor(57, hash), JournalAnchor.Parse($"57:{hash.ToUpperInvariant()}"));
        Assert.Null(JournalAnchor.Parse(hash));
        Assert.Null(JournalAnchor.Parse($"0:{hash}"));
        Assert.Null(JournalAnchor.Parse($"57:{hash[..63]}"));
    }
}
