using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Commands.Drill;
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
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-respond-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = "leaked-key-cryptomining", Adversary = true, AdversaryInterval = TimeSpan.FromSeconds(2),
        });
        Directory.CreateDirectory(_root);
        await RangeProfiles.WriteAsync(_range, Path.Combine(_root, "range.credentials"), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_root, "shodo.yaml"), DrillEscalation.Authority);
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Respond_with_a_profile_contains_the_live_adversary_and_matches_the_drill_scorecard()
    {
        var truth = _range.GroundTruth!;
        var run = await CliRun.Invoke(new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_root, "range.credentials") },
            "respond", "--access-key-id", truth.LeakedAccessKeyId!, "--profile", "responder", "--endpoint-url", _range.Url.ToString(),
            "--region", "us-east-1", "--yes", "--config", Path.Combine(_root, "shodo.yaml"), "--case-dir", Path.Combine(_root, "cases"), "--output", "json");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var summary = JsonDocument.Parse(run.Out).RootElement;
        var caseDir = summary.GetProperty("path").GetString()!;
        Assert.Equal(["collect", "investigate", "contain", "report"],
            summary.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray());

        var successes = _range.Adversary!.Status.SuccessfulCalls;
        for (var round = 0; round < 3; round++) await _range.Adversary.TickAsync();
        var recordedAt = JournalReader.Read(caseDir).First(e => e.Kind == "collect.started").Time;
        var card = DrillScorecard.Score(caseDir, "leaked-key-cryptomining",
            DrillTruth.From(truth, _range.Adversary.Status.Created, recordedAt),
            _range.Adversary.Status.SuccessfulCalls - successes, 0, null);
        Assert.Equal(0, card.AdversarySuccessesAfterContained);
        Assert.Equal(card.IdentitiesExpected, card.IdentitiesFound);
        Assert.Equal(card.ResourcesExpected, card.ResourcesFound);
        Assert.Empty(card.FalsePositiveIds);
        Assert.True(card.EvidenceVerified);
        Assert.NotNull(card.SecondsToContained);
        var destructive = Shodo.Range.Admin.CallCounters.Compute(_range.State)["destructiveAttempts"]!.AsObject();
        Assert.DoesNotContain(destructive, d => d.Key.EndsWith($":user/{RangeHost.ResponderUserName}", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(caseDir, "report.en.html")));
        AssertNoSecretAtRest(caseDir);
    }

    [Fact]
    public async Task Respond_without_a_key_presents_the_leaked_key_first_contains_nothing_and_resume_confirms_it()
    {
        var truth = _range.GroundTruth!;
        var env = new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_root, "range.credentials") };
        string[] common = ["--profile", "responder", "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1",
            "--config", Path.Combine(_root, "shodo.yaml"), "--case-dir", Path.Combine(_root, "cases"), "--output", "json"];

        var triage = await CliRun.Invoke(env, ["respond", .. common]);

        Assert.True(triage.ExitCode == 3, $"exit {triage.ExitCode}: {triage.Out}\n{triage.Error}");
        var summary = JsonDocument.Parse(triage.Out).RootElement;
        var caseDir = summary.GetProperty("path").GetString()!;
        Assert.Equal(["collect", "triage"], summary.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray());
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
        var journal = JournalReader.Read(caseDir);
        Assert.DoesNotContain(journal, e => e.Kind.StartsWith("containment.", StringComparison.Ordinal));
        Assert.Contains(journal, e => e.Kind == JournalKinds.DocumentWritten && (string?)e.Data["path"] == "candidates.json");
        lock (_range.State.Sync)
            Assert.Equal("Active", _range.State.Iam.AccessKeys[truth.LeakedAccessKeyId!].Status);

        // A person confirms the first candidate: the response goes on from the recorded state.
        var confirm = await CliRun.Invoke(env,
            ["respond", "--resume", summary.GetProperty("case").GetString()!, "--access-key-id", truth.LeakedAccessKeyId!, "--yes", .. common]);

        Assert.True(confirm.ExitCode == 0, $"exit {confirm.ExitCode}: {confirm.Out}\n{confirm.Error}");
        Assert.Equal(["collect", "investigate", "contain", "report"],
            JsonDocument.Parse(confirm.Out).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray());
        journal = JournalReader.Read(caseDir);
        Assert.Single(journal, e => e.Kind == "collect.started");
        var successes = _range.Adversary!.Status.SuccessfulCalls;
        for (var round = 0; round < 3; round++) await _range.Adversary.TickAsync();
        var card = DrillScorecard.Score(caseDir, "leaked-key-cryptomining",
            DrillTruth.From(truth, _range.Adversary.Status.Created, journal.First(e => e.Kind == "collect.started").Time),
            _range.Adversary.Status.SuccessfulCalls - successes, 0, null);
        Assert.Equal(0, card.AdversarySuccessesAfterContained);
        Assert.Equal(card.IdentitiesExpected, card.IdentitiesFound);
        Assert.Equal(card.ResourcesExpected, card.ResourcesFound);
        Assert.Empty(card.FalsePositiveIds);
        Assert.True(card.EvidenceVerified);
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
