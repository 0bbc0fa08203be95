using Shodo.Cases;
using Shodo.Investigation.Model;
using Xunit.Abstractions;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// A false alarm on the clean-account scenario: a developer's key reported as leaked that only its
/// owner used. Nothing above low severity, no attacker identity beyond the reported key, no resources.
/// </summary>
public sealed class CleanAccountInvestigationTests(CleanAccountScenarioCase scenario, ITestOutputHelper output)
    : IClassFixture<CleanAccountScenarioCase>
{
    [Fact]
    public void No_finding_above_low()
    {
        var findings = InvestigationFiles.ReadFindings(CaseFolder.At(scenario.CaseDirectory));
        foreach (var f in findings) output.WriteLine($"{f.Severity} {f.Title}");
        Assert.All(findings, f => Assert.True(f.Severity <= Severity.Low, $"{f.Severity}: {f.Title}"));
    }

    [Fact]
    public void The_owners_own_use_is_not_attributed_to_an_attacker()
    {
        var identities = InvestigationFiles.ReadIdentities(CaseFolder.At(scenario.CaseDirectory));
        var reported = Assert.Single(identities);
        Assert.Empty(reported.EventIds);
        Assert.Empty(InvestigationFiles.ReadResources(CaseFolder.At(scenario.CaseDirectory)));
        Assert.Empty(File.ReadAllLines(Path.Combine(scenario.CaseDirectory, InvestigationFiles.Timeline)));
        Assert.Null(scenario.Result.CompromiseStart);
        Assert.Empty(scenario.Result.Gaps);
    }

    [Fact]
    public void Buckets_without_data_events_are_unknown_and_logged_ones_not_accessed()
    {
        var impact = InvestigationFiles.ReadImpact(CaseFolder.At(scenario.CaseDirectory))!;
        var assets = impact.DataExposure.Single(d => d.Name == "acme-staging-assets");
        Assert.Equal(AccessVerdict.Unknown, assets.Accessed);
        Assert.Contains("data-events-not-logged", assets.Unknowable);
        var reports = impact.DataExposure.Single(d => d.Name == "acme-staging-reports");
        Assert.Equal(AccessVerdict.NotAccessed, reports.Accessed);
        Assert.Equal(0m, impact.Cost.TotalSoFar);
    }

    [Fact]
    public async Task Triage_of_a_clean_account_finds_no_candidate()
    {
        var triage = await scenario.TriageAsync();
        foreach (var c in triage.Candidates) output.WriteLine($"{c.Id}: {string.Join("; ", c.Signs.Select(s => s.Summary))}");
        Assert.Empty(triage.Candidates);
        Assert.Empty(triage.Gaps);
        Assert.True(triage.RecordsRead > 0);
    }
}
