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
            summary.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToArray());

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
