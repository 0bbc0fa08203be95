using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

/// <summary>
/// Runs <c>shodo case ...</c> in process. Tests that assert English text pass <c>--lang en</c>: the
/// language is process-wide and other tests run with <c>--lang ja</c> in parallel.
/// </summary>
public sealed class CaseCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-" + Guid.NewGuid().ToString("n")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<string> OpenCase(params string[] extra)
    {
        var run = await CliRun.Invoke(["case", "open", "--case-dir", _root, "--output", "json", .. extra]);
        Assert.Equal(0, run.ExitCode);
        return (string)JsonNode.Parse(run.Out)!["path"]!;
    }

    [Fact]
    public async Task Open_creates_a_case_folder_under_case_dir_and_says_where()
    {
        var run = await CliRun.Invoke("case", "open", "--title", "Leaked key", "--account", "123456789012", "--case-dir", _root);
        Assert.Equal(0, run.ExitCode);
        var dir = Assert.Single(Directory.GetDirectories(_root));
        Assert.Contains(Path.GetFileName(dir), run.Out);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "case.json")))!;
        Assert.Equal("Leaked key", (string?)manifest["title"]);
        Assert.Equal("123456789012", (string?)manifest["accountId"]);
        Assert.True(File.Exists(Path.Combine(dir, "journal.jsonl")));
        Assert.True(Directory.Exists(Path.Combine(dir, "evidence")));
    }

    [Fact]
    public async Task Open_with_json_output_gives_the_id_and_path()
    {
        var dir = await OpenCase("--account", "123456789012");
        Assert.True(Directory.Exists(dir));
        Assert.StartsWith(Path.GetFullPath(_root), dir);
    }

    [Fact]
    public async Task Open_rejects_an_account_id_that_is_not_twelve_digits()
    {
        var run = await CliRun.Invoke("case", "open", "--account", "12345", "--case-dir", _root, "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("12-digit", run.Error);
        Assert.False(Directory.Exists(_root) && Directory.GetDirectories(_root).Length > 0);
    }

    [Fact]
    public async Task Show_summarises_the_case_in_text_and_json()
    {
        var dir = await OpenCase("--title", "drill");
        using (var c = Case.Load(dir))
        {
            await c.Evidence.StoreAsync("<ok/>"u8.ToArray(), new EvidenceDescriptor("iam", "ListUsers", null));
            await c.Evidence.StoreAsync("<ok/>"u8.ToArray(), new EvidenceDescriptor("iam", "ListUsers", null) { Page = 2 });
        }

        var text = await CliRun.Invoke("case", "show", dir, "--lang", "en");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("drill", text.Out);
        Assert.Contains("case.opened", text.Out);
        Assert.Contains("evidence.stored", text.Out);
        Assert.Contains("shodo case verify", text.Out);

        var json = await CliRun.Invoke("case", "show", dir, "--output", "json");
        Assert.Equal(0, json.ExitCode);
        var summary = JsonNode.Parse(json.Out)!;
        Assert.Equal(3, (int)summary["journal"]!["entries"]!);
        Assert.Equal(2, (int)summary["journal"]!["byKind"]!["evidence.stored"]!);
        Assert.Equal(1, (int)summary["journal"]!["byKind"]!["case.opened"]!);
        Assert.Equal(2, (int)summary["evidence"]!["items"]!);
        Assert.Equal(1, (int)summary["evidence"]!["files"]!);
        Assert.Equal(5, (long)summary["evidence"]!["bytes"]!);
    }

    [Fact]
    public async Task Show_finds_a_case_by_id_under_case_dir()
    {
        var dir = await OpenCase();
        var run = await CliRun.Invoke("case", "show", Path.GetFileName(dir), "--case-dir", _root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Path.GetFileName(dir), run.Out);
    }

    [Fact]
    public async Task Show_does_not_let_a_hostile_title_drive_the_terminal()
    {
        var dir = await OpenCase("--title", "evil\u001b]0;pwned\u0007\u001b[2J");
        var run = await CliRun.Invoke("case", "show", dir);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
        Assert.DoesNotContain('\u0007', run.Out);
        Assert.Contains("\\u001b", run.Out);
    }

    [Fact]
    public async Task Verify_succeeds_on_an_untouched_case()
    {
        var dir = await OpenCase();
        var run = await CliRun.Invoke("case", "verify", dir, "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("intact", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Verify_exits_8_naming_the_altered_file_and_line()
    {
        var dir = await OpenCase();
        using (var c = Case.Load(dir)) await c.Journal.AppendAsync("note", new JsonObject { ["user"] = "backdoor" });
        var journal = Path.Combine(dir, "journal.jsonl");
        File.WriteAllText(journal, File.ReadAllText(journal).Replace("backdoor", "backdoos"));

        var run = await CliRun.Invoke("case", "verify", dir);
        Assert.Equal((int)ExitCode.CaseTampered, run.ExitCode);
        Assert.Equal(8, run.ExitCode);
        Assert.Contains("journal.jsonl:2", run.Out);
        Assert.Contains("journal.jsonl", run.Error);
        Assert.Contains("2", run.Error);
        Assert.DoesNotContain("   at ", run.Error);

        var json = await CliRun.Invoke("case", "verify", dir, "--output", "json");
        Assert.Equal(8, json.ExitCode);
        var result = JsonNode.Parse(json.Out)!;
        Assert.False((bool)result["intact"]!);
        Assert.Equal("journal.jsonl", (string?)result["findings"]![0]!["path"]);
        Assert.Equal(2, (int)result["findings"]![0]!["line"]!);
    }

    [Fact]
    public async Task Verify_names_an_altered_evidence_file()
    {
        var dir = await OpenCase();
        string blob;
        using (var c = Case.Load(dir))
            blob = (await c.Evidence.StoreAsync("{\"Users\":[]}"u8.ToArray(), new EvidenceDescriptor("iam", "ListUsers", null))).Path;
        var path = Path.Combine(dir, blob);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var run = await CliRun.Invoke("case", "verify", dir);
        Assert.Equal(8, run.ExitCode);
        Assert.Contains(blob, run.Out);
        Assert.Contains(blob, run.Error);
    }

    [Fact]
    public async Task Verify_speaks_japanese_with_lang_ja()
    {
        var dir = await OpenCase();
        File.AppendAllText(Path.Combine(dir, "journal.jsonl"), "garbage\n");
        var run = await CliRun.Invoke("case", "verify", dir, "--lang", "ja");
        Assert.Equal(8, run.ExitCode);
        Assert.Contains("検証に失敗", run.Error);
        Assert.Contains("2 行目", run.Error);
    }

    [Fact]
    public async Task Verify_of_a_folder_that_is_not_a_case_is_one_clear_sentence()
    {
        var run = await CliRun.Invoke("case", "verify", Path.Combine(_root, "nope"), "--lang", "en");
        Assert.Equal((int)ExitCode.Failure, run.ExitCode);
        Assert.Contains("case open", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Show_of_a_damaged_case_counts_what_it_cannot_read_and_refuses_an_unreadable_case_json()
    {
        var dir = await OpenCase();
        File.AppendAllText(Path.Combine(dir, "journal.jsonl"), "{\"kind\":7,\"time\":[]}\nnot json\n");
        File.AppendAllText(Path.Combine(dir, "evidence", "index.jsonl"), "{\"sha256\":1,\"size\":\"big\"}\n");
        var run = await CliRun.Invoke("case", "show", dir, "--output", "json");
        Assert.Equal(0, run.ExitCode);
        var summary = JsonNode.Parse(run.Out)!;
        Assert.Equal(1, (int)summary["journal"]!["unreadableLines"]!);
        Assert.Equal(2, (int)summary["journal"]!["entries"]!);

        File.WriteAllText(Path.Combine(dir, "case.json"), "{broken");
        var broken = await CliRun.Invoke("case", "show", dir, "--lang", "en");
        Assert.Equal((int)ExitCode.CaseTampered, broken.ExitCode);
        Assert.Contains("case verify", broken.Error);
        Assert.DoesNotContain("   at ", broken.Error);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("show")]
    [InlineData("verify")]
    public async Task Every_subcommand_has_help_with_an_example(string sub)
    {
        var run = await CliRun.Invoke("case", sub, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example", run.Out);
        Assert.Contains($"shodo case {sub}", run.Out);
    }
}
