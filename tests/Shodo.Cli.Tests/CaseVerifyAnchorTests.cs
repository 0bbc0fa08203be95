using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Diagnostics;
using Shodo.Tests.Cases;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo case verify</c> says what it can prove: "consistent, not anchored" for a journal only the
/// folder vouches for — which is all a rewritten chain with recomputed hashes also shows — and
/// "anchored at entry N by ..." when given a head kept outside the folder (<c>--anchor SEQ:HASH</c>) or
/// the journal key (<c>SHODO_JOURNAL_KEY</c>), in which case a rewritten chain fails with exit 8.
/// </summary>
public sealed class CaseVerifyAnchorTests : IDisposable
{
    private const string Key = "a journal key the organisation keeps apart";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-" + Guid.NewGuid().ToString("n")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static Dictionary<string, string?> WithKey() => new() { [JournalKey.EnvironmentVariable] = Key };

    /// <summary>A case with a few entries; answers the head after the second entry, as a notice would have carried it.</summary>
    private async Task<(string Dir, JournalAnchor Sent)> CaseAsync(JournalKey? key = null)
    {
        var open = await CliRun.Invoke(key is null ? [] : WithKey(), "case", "open", "--case-dir", _root, "--output", "json");
        Assert.Equal(0, open.ExitCode);
        var dir = (string)JsonNode.Parse(open.Out)!["path"]!;
        using var c = Case.Load(dir, new CaseOptions { JournalKey = key });
        await c.Journal.AppendAsync("containment.changed", new JsonObject { ["target"] = "AKIAIOSFODNN7EXAMPLE", ["to"] = "Inactive" });
        var sent = c.Journal.Last;
        await c.Journal.AppendAsync("note", new JsonObject { ["n"] = 1 });
        return (dir, sent);
    }

    [Fact]
    public async Task Verify_says_not_anchored_then_proves_a_head_given_back_and_fails_a_chain_rewritten_with_recomputed_hashes()
    {
        var (dir, sent) = await CaseAsync();

        var plain = await CliRun.Invoke("case", "verify", dir, "--lang", "en");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("intact", plain.Out);
        Assert.Contains("not anchored", plain.Out);
        Assert.Contains("--anchor SEQ:HASH", plain.Out);

        var anchored = await CliRun.Invoke("case", "verify", dir, "--anchor", sent.ToString(), "--lang", "en");
        Assert.True(anchored.ExitCode == 0, anchored.Out + anchored.Error);
        Assert.Contains($"Anchored at entry {sent.Seq} ({sent.Hash}) by the anchor given", anchored.Out);
        Assert.Contains($"Entries {sent.Seq + 1} to {sent.Seq + 1} are consistent but not anchored", anchored.Out);
        var json = JsonNode.Parse((await CliRun.Invoke("case", "verify", dir, "--anchor", sent.ToString(), "--output", "json")).Out)!;
        Assert.True((bool)json["anchored"]!);
        Assert.Equal(sent.Seq, (long)json["anchor"]!["seq"]!);

        // The forger changes what was done and recomputes every hash: the folder alone cannot tell.
        JournalForger.Rewrite(dir, (int)sent.Seq, e => e["data"]!["to"] = "Active");
        var forged = await CliRun.Invoke("case", "verify", dir, "--lang", "en");
        Assert.Equal(0, forged.ExitCode);
        Assert.Contains("not anchored", forged.Out);
        Assert.False((bool)JsonNode.Parse((await CliRun.Invoke("case", "verify", dir, "--output", "json")).Out)!["anchored"]!);

        var caught = await CliRun.Invoke("case", "verify", dir, "--anchor", sent.ToString(), "--lang", "en");
        Assert.Equal((int)ExitCode.CaseTampered, caught.ExitCode);
        Assert.Contains(sent.ToString(), caught.Out);
        Assert.Contains("rewritten", caught.Error);
    }

    [Theory]
    [InlineData("3f9a")]
    [InlineData("57")]
    [InlineData("x:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task An_anchor_that_is_not_seq_and_hash_is_a_usage_error(string anchor)
    {
        var (dir, _) = await CaseAsync();
        var run = await CliRun.Invoke("case", "verify", dir, "--anchor", anchor, "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("SEQ:HASH", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task With_the_journal_key_every_entry_is_anchored_and_a_rewritten_chain_fails()
    {
        var (dir, sent) = await CaseAsync(new JournalKey(Key));
        Assert.All(File.ReadAllLines(Path.Combine(dir, CaseFileNames.Journal)), l => Assert.Contains("\"mac\":", l));

        var keyed = await CliRun.Invoke(WithKey(), "case", "verify", dir, "--lang", "en");
        Assert.True(keyed.ExitCode == 0, keyed.Out + keyed.Error);
        Assert.Contains($"Anchored at entry {sent.Seq + 1}", keyed.Out);
        Assert.Contains("journal key", keyed.Out);
        var unkeyed = await CliRun.Invoke("case", "verify", dir, "--lang", "en");
        Assert.Contains("not anchored", unkeyed.Out);
        Assert.Contains("SHODO_JOURNAL_KEY", unkeyed.Out);

        JournalForger.Rewrite(dir, (int)sent.Seq, e => e["data"]!["to"] = "Active");
        var caught = await CliRun.Invoke(WithKey(), "case", "verify", dir, "--lang", "en");
        Assert.Equal((int)ExitCode.CaseTampered, caught.ExitCode);
        Assert.Contains($"journal.jsonl:{sent.Seq}", caught.Out);

        var tooShort = await CliRun.Invoke(new Dictionary<string, string?> { [JournalKey.EnvironmentVariable] = "short" }, "case", "verify", dir, "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, tooShort.ExitCode);
        Assert.Contains(JournalKey.EnvironmentVariable, tooShort.Error);
    }
}
