using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

public class CaseTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 28, 14, 23, 5, 120, TimeSpan.Zero);

    private static CaseOptions Options(FakeTimeProvider? time = null) => new()
    {
        Title = "Leaked key on GitHub",
        AccountId = "123456789012",
        CallerArn = "arn:aws:sts::123456789012:assumed-role/Responder/alice",
        LocalUser = "alice",
        Host = "laptop-1",
        ShodoVersion = "9.9.9",
        Time = time ?? new FakeTimeProvider(Opened),
    };

    [Fact]
    public void Open_creates_a_sortable_id_and_writes_case_json_with_who_and_when()
    {
        using var root = new TempFolder();
        using var opened = Case.Open(root.Path, Options());

        Assert.Matches(@"^2026-11-28T1423Z-[a-z2-9]{6}$", opened.Manifest.Id);
        Assert.Equal(Path.Combine(root.Path, opened.Manifest.Id), opened.Directory);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(opened.Directory, "case.json")))!;
        Assert.Equal(opened.Manifest.Id, (string?)json["id"]);
        Assert.Equal("123456789012", (string?)json["accountId"]);
        Assert.Equal("Leaked key on GitHub", (string?)json["title"]);
        Assert.Equal("2026-11-28T14:23:05.120Z", (string?)json["openedAt"]);
        Assert.Equal("alice", (string?)json["openedBy"]!["localUser"]);
        Assert.Equal("laptop-1", (string?)json["openedBy"]!["host"]);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Responder/alice", (string?)json["openedBy"]!["callerArn"]);
        Assert.Equal("9.9.9", (string?)json["shodoVersion"]);
        Assert.Equal("shodo-case/1", (string?)json["format"]);
        Assert.True(Directory.Exists(Path.Combine(opened.Directory, "evidence")));
    }

    [Fact]
    public void The_first_journal_entry_records_exactly_what_case_json_says()
    {
        using var root = new TempFolder();
        using var opened = Case.Open(root.Path, Options());
        var first = JsonNode.Parse(File.ReadLines(Path.Combine(opened.Directory, "journal.jsonl")).First())!;
        Assert.Equal("case.opened", (string?)first["kind"]);
        Assert.Equal(1, (long)first["seq"]!);
        Assert.Equal(JournalEntry.Genesis, (string?)first["prev"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Path.Combine(opened.Directory, "case.json"))), first["data"]));
    }

    [Fact]
    public async Task The_case_folder_and_its_files_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes; Windows inherits the user profile's ACL
        using var root = new TempFolder();
        using var opened = Case.Open(root.Path, Options());
        const UnixFileMode folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await opened.Evidence.StoreAsync(Samples.Utf8("<x/>"), new EvidenceDescriptor("iam", "ListUsers", null));

        Assert.Equal(folder, File.GetUnixFileMode(opened.Directory));
        foreach (var dir in Directory.EnumerateDirectories(opened.Directory, "*", SearchOption.AllDirectories))
            Assert.Equal(folder, File.GetUnixFileMode(dir));
        var files = Directory.EnumerateFiles(opened.Directory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".gz", StringComparison.Ordinal));
        foreach (var f in files)
            Assert.True(file == File.GetUnixFileMode(f), $"{f} is {File.GetUnixFileMode(f)}");
    }

    [Fact]
    public async Task Load_continues_the_chain_where_it_stopped_and_the_result_verifies()
    {
        using var root = new TempFolder();
        var time = new FakeTimeProvider(Opened);
        string dir;
        using (var opened = Case.Open(root.Path, Options(time)))
        {
            dir = opened.Directory;
            await opened.Journal.AppendAsync("note", new JsonObject { ["n"] = 1 });
        }
        time.Advance(TimeSpan.FromMinutes(5));
        using (var loaded = Case.Load(dir, Options(time)))
        {
            Assert.Equal(2, loaded.Journal.Count);
            Assert.Equal("Leaked key on GitHub", loaded.Manifest.Title);
            var third = await loaded.Journal.AppendAsync("note", new JsonObject { ["n"] = 2 }, "resumed");
            Assert.Equal(3, third.Seq);
            Assert.Equal("2026-11-28T14:28:05.120Z", CaseTime.Format(third.Time));
        }
        var verification = CaseVerifier.Verify(dir);
        Assert.True(verification.Intact, string.Join("; ", verification.Findings));
        Assert.Equal(3, verification.JournalEntries);
    }

    [Fact]
    public void Load_refuses_a_folder_that_is_not_a_case()
    {
        using var root = new TempFolder();
        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Case.Load(root.Path));
        Assert.Equal(Shodo.Diagnostics.ExitCode.Failure, e.Diagnostic.Code);
        Assert.Contains("case.json", e.Message);
    }

    [Fact]
    public void Load_refuses_to_add_to_a_case_whose_journal_was_altered()
    {
        using var root = new TempFolder();
        string dir;
        using (var opened = Case.Open(root.Path, Options())) dir = opened.Directory;
        var journal = Path.Combine(dir, "journal.jsonl");
        File.WriteAllText(journal, File.ReadAllText(journal).Replace("alice", "mallory"));
        var e = Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Case.Load(dir));
        Assert.Equal(Shodo.Diagnostics.ExitCode.CaseTampered, e.Diagnostic.Code);
        Assert.Contains("journal.jsonl", e.Message);
    }

    [Fact]
    public async Task IdentifyCaller_attributes_later_entries_to_the_aws_identity()
    {
        using var root = new TempFolder();
        using var opened = Case.Open(root.Path, Options() with { CallerArn = null });
        Assert.Null(opened.Manifest.OpenedBy.CallerArn);
        opened.IdentifyCaller("arn:aws:iam::123456789012:user/responder");
        var entry = await opened.Journal.AppendAsync("identity.resolved");
        Assert.Equal("arn:aws:iam::123456789012:user/responder", entry.Actor.CallerArn);
        Assert.Equal("alice", entry.Actor.LocalUser);
    }
}
