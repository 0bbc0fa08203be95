using System.Text.Json;
using Shodo.Cases;
using Shodo.Drill;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo respond</c> against a range started separately, as a responder would run it against
/// AWS (a profile from a shared credentials file, --endpoint-url, --yes): the same result the drill
/// scores — everything found, contained, nothing deleted, a verified case with a report — under the
/// same authority policy the drill's organisation wrote.
/// </summary>
public sealed class RespondCommandTests : IAsyncLifetime
{
    private ResponderRange _responder = null!;
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _responder = await ResponderRange.StartAsync();
        _range = _responder.Range;
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task Respond_with_a_profile_contains_the_live_adversary_and_matches_the_drill_scorecard()
    {
        var truth = _range.GroundTruth!;
        var run = await CliRun.Invoke(_responder.Environment,
            ["respond", "--watch", "0", "--access-key-id", truth.LeakedAccessKeyId!, "--yes", "--output", "json", .. _responder.Options]);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var summary = JsonDocument.Parse(run.Out).RootElement;
        var caseDir = summary.GetProperty("path").GetString()!;
        Assert.Equal(["first-move", "pursue", "collect", "investigate", "contain", "accounts", "report", "watch"], ResponderRange.Steps(run.Out));
        await _responder.AssertScoresLikeTheDrillAsync(caseDir);
        var destructive = Shodo.Range.Admin.CallCounters.Compute(_range.State)["destructiveAttempts"]!.AsObject();
        Assert.DoesNotContain(destructive, d => d.Key.EndsWith($":user/{RangeHost.ResponderUserName}", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(caseDir, "report.en.html")));
        AssertNoSecretAtRest(caseDir);
    }

    [Fact]
    public async Task Respond_without_a_key_presents_the_leaked_key_first_contains_nothing_and_resume_confirms_it()
    {
        var truth = _range.GroundTruth!;
        var env = _responder.Environment;
        string[] common = [.. _responder.Options, "--output", "json"];

        var triage = await CliRun.Invoke(env, ["respond", "--watch", "0", .. common]);

        Assert.True(triage.ExitCode == 3, $"exit {triage.ExitCode}: {triage.Out}\n{triage.Error}");
        var summary = JsonDocument.Parse(triage.Out).RootElement;
        var caseDir = summary.GetProperty("path").GetString()!;
        Assert.Equal(["collect", "triage"], ResponderRange.Steps(triage.Out));
        var candidates = summary.GetProperty("candidates").EnumerateArray().ToList();
        var first = candidates[0];
        Assert.Equal(truth.LeakedAccessKeyId, first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("likelyOrigin").GetBoolean());
        Assert.Equal("strong", first.GetProperty("strength").GetString());
        Assert.Equal(["created-credentials", "instances-in-unused-region", "new-address", "new-user-agent"],
            first.GetProperty("signs").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal($"shodo respond --resume {summary.GetProperty("case").GetString()} --access-key-id {truth.LeakedAccessKeyId}",
            first.GetProperty("confirm").GetString());
        var ids = candidates.Select(c => c.GetProperty("id").GetString()).ToHashSet();
        Assert.All(truth.AccessKeyIds, k => Assert.Contains(k, ids));
        Assert.All(truth.Users, u => Assert.Contains(u, ids));

        List<string> legitimate;
        lock (_range.State.Sync)
            legitimate = _range.State.Iam.AccessKeys.Values
                .Where(k => k.UserName is "dev-suzuki" or "ops-sato" or "ci-deploy" || k.UserName == RangeHost.ResponderUserName)
                .Select(k => k.AccessKeyId).Concat(["dev-suzuki", "ops-sato", "ci-deploy", RangeHost.ResponderUserName]).ToList();
        Assert.DoesNotContain(ids, id => legitimate.Contains(id!));

        // Nothing was contained or changed: no containment in the journal, the leaked key still active.
        var journal = JournalReader.Read(CaseFolder.At(caseDir));
        Assert.DoesNotContain(journal, e => e.Kind.StartsWith("containment.", StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Kind == JournalKinds.DocumentWritten && (string?)e.Data["path"] == "candidates.json");
        Assert.Contains(truth.LeakedAccessKeyId!, File.ReadAllText(Path.Combine(caseDir, "report.en.md")));
        lock (_range.State.Sync)
            Assert.Equal("Active", _range.State.Iam.AccessKeys[truth.LeakedAccessKeyId!].Status);

        // A person confirms the first candidate: the response goes on from the recorded state.
        var confirm = await CliRun.Invoke(env,
            ["respond", "--watch", "0", "--resume", summary.GetProperty("case").GetString()!, "--access-key-id", truth.LeakedAccessKeyId!, "--yes", .. common]);

        Assert.True(confirm.ExitCode == 0, $"exit {confirm.ExitCode}: {confirm.Out}\n{confirm.Error}");
        Assert.Equal(["first-move", "pursue", "collect", "investigate", "contain", "accounts", "report", "watch"], ResponderRange.Steps(confirm.Out));
        Assert.Single(JournalReader.Read(CaseFolder.At(caseDir)), e => e.Kind == "collect.started");
        await _responder.AssertScoresLikeTheDrillAsync(caseDir);
    }

    /// <summary>No secret key, session token or the backdoor's console password anywhere in the case, evidence blobs decompressed.</summary>
    private void AssertNoSecretAtRest(string caseDir)
    {
        List<string> secrets;
        lock (_range.State.Sync)
            secrets = [.. _range.State.Iam.AccessKeys.Values.Select(k => k.SecretAccessKey),
                .. _range.State.Iam.Sessions.Values.SelectMany(t => new[] { t.SecretAccessKey, t.Token }), "Sup9ort!2026#xk"];
        foreach (var file in Directory.EnumerateFiles(caseDir, "*", SearchOption.AllDirectories))
        {
            using var raw = File.OpenRead(file);
            using Stream content = file.EndsWith(".gz", StringComparison.Ordinal)
                ? new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress) : raw;
            var text = new StreamReader(content).ReadToEnd();
            var unescaped = text.Replace("\\u002B", "+").Replace("\\/", "/");
            foreach (var secret in secrets)
                Assert.False(unescaped.Contains(secret, StringComparison.Ordinal), $"a secret is at rest in {Path.GetRelativePath(caseDir, file)}");
        }
    }
}
