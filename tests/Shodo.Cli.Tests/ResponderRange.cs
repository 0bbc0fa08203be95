using System.Text.Json;
using Shodo.Cases;
using Shodo.Drill;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>
/// A leaked-key range started separately, as a responder meets AWS: a shared credentials file with
/// the <c>responder</c> profile, the drill organisation's authority policy in shodo.yaml, a cases
/// folder; and the drill's scoring of a finished response against the range's ground truth.
/// </summary>
internal sealed class ResponderRange : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-respond-tests", Guid.NewGuid().ToString("N"));

    private ResponderRange(RangeHost range) => Range = range;

    public RangeHost Range { get; }
    public string Cases => Path.Combine(_root, "cases");
    public string CredentialsFile => Path.Combine(_root, "range.credentials");
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile };

    /// <summary>The options every respond run against this range takes.</summary>
    public string[] Options => ["--profile", "responder", "--endpoint-url", Range.Url.ToString(), "--region", "us-east-1",
        "--config", Path.Combine(_root, "shodo.yaml"), "--case-dir", Cases];

    /// <summary>
    /// With the live adversary acting every 2 s (or every <paramref name="adversaryInterval"/>; infinite: only when
    /// ticked), or without it and with realistic latency (a slower account) unless <paramref name="latency"/> says
    /// otherwise; optionally with injected faults, another scenario, and sight faults (LookupEvents or trail log reads
    /// failing; null keeps the scenario's own).
    /// </summary>
    public static async Task<ResponderRange> StartAsync(bool adversary = true, RangeLatency? latency = null, TimeSpan? adversaryInterval = null,
        double throttle = 0, double errors = 0, double resets = 0, string scenario = "leaked-key-cryptomining",
        IReadOnlyList<Shodo.Range.Faults.SightFault>? sight = null)
    {
        var range = new ResponderRange(await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = scenario, Adversary = adversary, AdversaryInterval = adversaryInterval ?? TimeSpan.FromSeconds(2),
            Latency = latency ?? (adversary ? RangeLatency.None : RangeLatency.Realistic),
            ThrottleRate = throttle, ErrorRate = errors, ResetRate = resets, Sight = sight,
        }));
        Directory.CreateDirectory(range._root);
        await RangeProfiles.WriteAsync(range.Range, range.CredentialsFile, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(range._root, "shodo.yaml"), DrillEscalation.AuthorityFor(scenario));
        return range;
    }

    /// <summary>The steps a <c>respond --output json</c> summary lists.</summary>
    public static string[] Steps(string summaryJson) => JsonDocument.Parse(summaryJson).RootElement.GetProperty("steps")
        .EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToArray();

    /// <summary>What the drill's scorecard requires: everything found, nothing legitimate, the adversary stopped, the case verified.</summary>
    public async Task AssertScoresLikeTheDrillAsync(string caseDir)
    {
        var adversary = Range.Adversary!;
        var successes = adversary.Status.SuccessfulCalls;
        for (var round = 0; round < 3; round++) await adversary.TickAsync();
        var recordedAt = JournalReader.Read(CaseFolder.At(caseDir)).First(e => e.Kind == "collect.started").Time;
        var card = DrillScorecard.Score(CaseFolder.At(caseDir), "leaked-key-cryptomining",
            DrillTruth.From(Range.GroundTruth!, adversary.Status.Created, recordedAt), adversary.Status.SuccessfulCalls - successes, 0, null);
        Assert.Equal(0, card.AdversarySuccessesAfterContained);
        Assert.True(card.IdentitiesExpected == card.IdentitiesFound && card.ResourcesExpected == card.ResourcesFound,
            $"identities {card.IdentitiesFound}/{card.IdentitiesExpected}, resources {card.ResourcesFound}/{card.ResourcesExpected}; missed: "
            + string.Join(", ", card.MissedIds));
        Assert.Empty(card.FalsePositiveIds);
        Assert.True(card.EvidenceVerified);
        Assert.NotNull(card.SecondsToContained);
    }

    public async ValueTask DisposeAsync()
    {
        await Range.DisposeAsync();
        if (Directory.Exists(_root) && System.Environment.GetEnvironmentVariable("SHODO_KEEP") is null) Directory.Delete(_root, recursive: true);
    }
}
