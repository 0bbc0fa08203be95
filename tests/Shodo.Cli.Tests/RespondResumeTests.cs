using System.Text.Json;
using Shodo.Cases;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>respond --resume</c> after a run whose investigation could not read its sources: the resumed run
/// investigates again (and contains and reports again) rather than reusing the incomplete facts, and no
/// report claims containment while the attacker's instances still run.
/// </summary>
public sealed class RespondResumeTests : IAsyncLifetime
{
    private const string SourcesDown = "sources-down";
    private ResponderRange _responder = null!;
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _responder = await ResponderRange.StartAsync();
        _range = _responder.Range;
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task Resume_after_the_trail_was_unreadable_investigates_again_contains_what_was_missed_and_never_claims_contained_while_instances_run()
    {
        var truth = _range.GroundTruth!;
        string[] common = [.. _responder.Options, "--yes", "--output", "json"];
        // The event sources fail for the whole first investigation: LookupEvents in every region and the trail's log files.
        SetSourcesDown(true);

        var first = await CliRun.Invoke(_responder.Environment, ["respond", "--watch", "0", "--access-key-id", truth.LeakedAccessKeyId!, .. common]);

        // The run does not succeed (containment's own check reads LookupEvents too), but its investigation finished with gaps.
        Assert.True(first.ExitCode != 0, $"exit {first.ExitCode}: {first.Out}\n{first.Error}");
        var caseDir = Assert.Single(Directory.GetDirectories(_responder.Cases));
        Assert.Contains(JournalReader.Read(CaseFolder.At(caseDir)), e => e.Kind == "respond.step.finished"
            && (string?)e.Data["step"] == "investigate" && (string?)e.Data["outcome"] == "incomplete");
        AssertReportTellsTheTruthAboutInstances(caseDir);

        SetSourcesDown(false);
        var resumed = await CliRun.Invoke(_responder.Environment, ["respond", "--watch", "0", "--resume", caseDir, .. common]);

        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.Out}\n{resumed.Error}");
        var after = JsonDocument.Parse(resumed.Out).RootElement;
        Assert.Equal("done", Outcome(after, "investigate"));
        Assert.Equal(2, JournalReader.Read(CaseFolder.At(caseDir)).Count(e => e.Kind == "investigate.started"));
        Assert.Single(JournalReader.Read(CaseFolder.At(caseDir)), e => e.Kind == "collect.started"); // collect was complete: not run again
        await _responder.AssertScoresLikeTheDrillAsync(caseDir);
        AssertReportTellsTheTruthAboutInstances(caseDir);
    }

    /// <summary>
    /// The report says "Contained" only when none of the attacker's instances (ground truth) runs with a network; once they are
    /// stopped or isolated it states where containment stands ("Partly contained" while isolated ones still run and bill).
    /// </summary>
    private void AssertReportTellsTheTruthAboutInstances(string caseDir)
    {
        var path = Path.Combine(caseDir, "report.en.md");
        if (!File.Exists(path)) return;
        var report = File.ReadAllText(path);
        var running = RunningAttackerInstances();
        if (running.Count > 0)
            Assert.False(report.Contains("Contained: checked at", StringComparison.Ordinal),
                $"the report claims containment while {string.Join(", ", running)} run");
        else // nothing runs with a network; what is isolated but still running (one-time Spot) waits for a person's decision
            Assert.True(report.Contains("Contained: checked at", StringComparison.Ordinal)
                        || report.Contains("Partly contained: checked at", StringComparison.Ordinal), report);
    }

    /// <summary>
    /// The attacker's instances (ground truth, the live adversary's, and what their Spot requests launched)
    /// that still run with a network: neither stopped nor isolated in a quarantine group (a one-time Spot
    /// instance cannot be stopped; ending it is a person's decision).
    /// </summary>
    private List<string> RunningAttackerInstances()
    {
        var attackers = _range.GroundTruth!.Instances.Select(i => i.InstanceId)
            .Concat(_range.Adversary!.Status.Created.Where(c => c.Kind == "instance").Select(c => c.Id)).ToHashSet();
        var spot = _range.GroundTruth!.SpotRequests.Select(r => r.SpotInstanceRequestId).ToHashSet();
        lock (_range.State.Sync)
            return _range.State.Regions.Enabled.SelectMany(r =>
                {
                    var ec2 = _range.State.Ec2(r.Name);
                    return ec2.Instances
                        .Where(i => i.State is "running" or "pending"
                                    && (attackers.Contains(i.InstanceId) || i.SpotInstanceRequestId is { } request && spot.Contains(request))
                                    && !i.SecurityGroupIds.All(g => ec2.FindSecurityGroup(g)?.GroupName.StartsWith("shodo-quarantine-", StringComparison.Ordinal) == true))
                        .Select(i => $"{r.Name}:{i.InstanceId}");
                })
                .ToList();
    }

    private void SetSourcesDown(bool down)
    {
        lock (_range.State.Sync)
        {
            var responder = _range.State.Iam.Users[RangeHost.ResponderUserName];
            if (down)
                responder.InlinePolicies[SourcesDown] = """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["cloudtrail:LookupEvents","s3:GetObject","s3:ListBucket"],"Resource":"*"}]}
                    """;
            else
                responder.InlinePolicies.Remove(SourcesDown);
        }
    }

    private static string? Outcome(JsonElement summary, string step) => summary.GetProperty("steps").EnumerateArray()
        .FirstOrDefault(s => s.GetProperty("step").GetString() == step) is { ValueKind: JsonValueKind.Object } s
        ? s.GetProperty("outcome").GetString() : null;
}
