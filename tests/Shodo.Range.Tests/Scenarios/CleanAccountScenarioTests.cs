using System.Globalization;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Scenarios;

public sealed class CleanAccountFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Scenario = "clean-account", Adversary = true };
}

/// <summary><c>clean-account</c>: a busy week of ordinary work, no attacker, nothing leaked.</summary>
public sealed class CleanAccountScenarioTests(CleanAccountFixture fixture) : IClassFixture<CleanAccountFixture>
{
    private static readonly string[] OrdinaryAddresses = ["203.0.113.24", "203.0.113.30", "198.51.100.77", "198.51.100.80"];

    [Fact]
    public void It_has_no_attacker_no_leak_and_no_adversary()
    {
        var range = fixture.Range;
        Assert.Null(range.GroundTruth);
        Assert.Null(range.Scenario!.Leaked);
        Assert.Empty(range.Scenario.Attackers);
        Assert.Null(range.Adversary);
    }

    [Fact]
    public void Its_history_is_busy_and_comes_only_from_the_staff_ci_and_batch_addresses()
    {
        List<State.CallRecord> calls;
        lock (fixture.Range.State.Sync) calls = fixture.Range.State.Calls.Take(fixture.Range.Scenario!.PlayedCalls).ToList();
        Assert.True(calls.Count > 150, $"only {calls.Count} calls");
        Assert.True(calls.Max(c => c.Time) - calls.Min(c => c.Time) > TimeSpan.FromDays(6));
        Assert.All(calls, c => Assert.Contains(c.SourceIp, OrdinaryAddresses));
        Assert.DoesNotContain(calls, c => c.UserAgent.Contains("kali", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(calls, c => c.EventName is "CreateUser" or "AttachUserPolicy" or "CreateLoginProfile"
            or "ImportKeyPair" or "RequestSpotInstances" or "ModifyDBSnapshotAttribute" or "StopLogging");
        Assert.Contains(calls, c => c.EventName == "UpdateAccessKey");
        Assert.Contains(calls, c => c.ErrorCode == "AccessDenied");
    }

    [Fact]
    public async Task Lookup_events_with_the_cli_shows_no_attacker_address_or_agent()
    {
        var start = fixture.Range.State.Clock.Now.AddDays(-2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var cli = new AwsCli(fixture.Range.Url, fixture.Range.Responder, "ap-northeast-1")
        {
            Environment = new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "8" },
        };
        var events = (await cli.OkAsync("cloudtrail", "lookup-events", "--start-time", start)).GetProperty("Events")
            .EnumerateArray().Select(e => System.Text.Json.JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement)
            .ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains(e.GetProperty("sourceIPAddress").GetString(), OrdinaryAddresses));
        Assert.All(events, e => Assert.DoesNotContain("kali", e.GetProperty("userAgent").GetString()!));
    }
}
