using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;

namespace Shodo.Tests.Cases;

public class JournalTests
{
    private static Case OpenCase(TempFolder root) => Case.Open(root.Path, new CaseOptions
    {
        LocalUser = "alice", Host = "laptop-1", Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero)),
    });

    private static List<JsonObject> Lines(Case c) =>
        File.ReadAllLines(Path.Combine(c.Directory, "journal.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    [Fact]
    public async Task Each_entry_links_to_the_previous_and_hashes_its_own_canonical_form()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var a = await c.Journal.AppendAsync("interlock.refused", new JsonObject { ["operation"] = "ec2:TerminateInstances" }, "not on the allowlist");
        var b = await c.Journal.AppendAsync("containment.before", new JsonObject { ["user"] = "backdoor" });

        var lines = Lines(c);
        Assert.Equal(3, lines.Count);
        Assert.Equal([1L, 2L, 3L], lines.Select(l => (long)l["seq"]!));
        Assert.Equal((string?)lines[0]["hash"], (string?)lines[1]["prev"]);
        Assert.Equal(a.Hash, (string?)lines[1]["hash"]);
        Assert.Equal(a.Hash, b.Prev);
        foreach (var line in lines)
        {
            var body = line.DeepClone().AsObject();
            body.Remove("hash");
            Assert.Equal((string?)line["hash"], ContentHash.Sha256(CanonicalJson.Encode(body)));
        }
        Assert.Equal("not on the allowlist", (string?)lines[1]["why"]);
        Assert.Equal("alice", (string?)lines[1]["actor"]!["localUser"]);
        Assert.Equal("laptop-1", (string?)lines[1]["actor"]!["host"]);
        Assert.Equal("2026-11-28T14:00:00.000Z", (string?)lines[1]["time"]);
        Assert.Equal(b.Hash, c.Journal.Head);
    }

    [Fact]
    public async Task Each_line_is_exactly_the_canonical_encoding_of_the_entry()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        await c.Journal.AppendAsync("note", new JsonObject { ["z"] = 1.50, ["a"] = "日本語 \u001b[31m" });
        foreach (var line in File.ReadAllLines(Path.Combine(c.Directory, "journal.jsonl")))
            Assert.Equal(line, System.Text.Encoding.UTF8.GetString(CanonicalJson.Encode(System.Text.Encoding.UTF8.GetBytes(line))));
    }

    [Fact]
    public async Task Secrets_in_data_and_why_are_redacted_before_they_are_written()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        var entry = await c.Journal.AppendAsync("note",
            new JsonObject { ["response"] = Samples.AssumeRoleXml, ["SecretAccessKey"] = Samples.IamSecret },
            $"found aws_secret_access_key = {Samples.StsSecret} in the repo");
        var text = File.ReadAllText(Path.Combine(c.Directory, "journal.jsonl"));
        Assert.DoesNotContain(Samples.IamSecret, text);
        Assert.DoesNotContain(Samples.StsSecret, text);
        Assert.DoesNotContain(Samples.SessionToken, text);
        Assert.Equal("[REDACTED]", (string?)entry.Data["SecretAccessKey"]);
        Assert.Contains(Samples.TempAccessKeyId, text);
    }

    [Fact]
    public async Task Concurrent_appends_in_one_process_are_serialised_into_one_unbroken_chain()
    {
        using var root = new TempFolder();
        using var c = OpenCase(root);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => c.Journal.AppendAsync("note", new JsonObject { ["i"] = i }))));

        var lines = Lines(c);
        Assert.Equal(201, lines.Count);
        Assert.Equal(Enumerable.Range(1, 201).Select(i => (long)i), lines.Select(l => (long)l["seq"]!));
        Assert.Equal(200, lines.Skip(1).Select(l => (int)l["data"]!["i"]!).Distinct().Count());
        var verification = CaseVerifier.Verify(c.Directory);
        Assert.True(verification.Intact, string.Join("; ", verification.Findings));
    }
}

public class JournalHostileDataTests
{
    [Fact]
    public async Task Hostile_strings_with_lone_surrogates_and_control_characters_are_journaled_and_verify()
    {
        using var root = new TempFolder();
        using var c = Case.Open(root.Path);
        var entry = await c.Journal.AppendAsync("note", new JsonObject { ["tag"] = "evil\ud800name\u001b[2J", ["\udc00key"] = "v" });
        Assert.Equal("evil\ud800name\u001b[2J", (string?)entry.Data["tag"]);
        var verification = CaseVerifier.Verify(c.Directory);
        Assert.True(verification.Intact, string.Join("; ", verification.Findings));
    }
}

public class JournalDeepDataTests
{
    [Fact]
    public async Task Deeply_nested_hostile_data_is_journaled_and_verifies()
    {
        using var root = new TempFolder();
        using var c = Case.Open(root.Path);
        var deep = new JsonObject();
        var node = deep;
        for (var i = 0; i < 200; i++)
        {
            var next = new JsonObject();
            node["n"] = next;
            node = next;
        }
        node["Password"] = Samples.Password;
        await c.Journal.AppendAsync("note", new JsonObject { ["requestParameters"] = deep });
        Assert.DoesNotContain(Samples.Password, File.ReadAllText(Path.Combine(c.Directory, "journal.jsonl")));
        var verification = CaseVerifier.Verify(c.Directory);
        Assert.True(verification.Intact, string.Join("; ", verification.Findings));
    }
}
