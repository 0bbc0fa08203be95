using System.Text.Json.Nodes;
using Shodo.Investigation;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Organizations;

namespace Shodo.Tests.InvestigationTests;

public sealed class OrgPivotScenarioCase : ScenarioCase
{
    protected override string Scenario => "org-pivot";
    protected override InvestigationOptions Options(RangeHost range) => new() { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId };
}

/// <summary>
/// Follow the pivot (issue 21, item 1), on org-pivot investigated in the management account from the leaked key:
/// accounts-reached.json names each member account the attacker entered, with the role it assumed, the session key it
/// got and when — the two of the ground truth, not the member the platform team entered through the same role.
/// </summary>
public sealed class OrgPivotInvestigationTests(OrgPivotScenarioCase scenario) : IClassFixture<OrgPivotScenarioCase>
{
    [Fact]
    public void Each_member_account_the_attacker_entered_is_named_with_the_role_and_session_it_entered_by()
    {
        var truth = scenario.Range.GroundTruth!;
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(scenario.CaseDirectory, InvestigationFiles.AccountsReached)))!;
        Assert.Equal("shodo-accounts-reached/1", (string?)file["format"]);
        var accounts = file["accounts"]!.AsArray();
        Assert.Equal(truth.Accounts.Select(a => a.AccountId), accounts.Select(a => (string)a!["accountId"]!));
        Assert.DoesNotContain(accounts, a => (string?)a!["accountId"] == RangeOrganization.MemberId("111122223333", 3));
        foreach (var expected in truth.Accounts)
        {
            var via = Assert.Single(accounts.Single(a => (string?)a!["accountId"] == expected.AccountId)!["via"]!.AsArray())!;
            Assert.Equal(expected.ReachedBy, (string?)via["roleArn"]);
            Assert.Equal(Assert.Single(expected.Found.SessionAccessKeyIds), (string?)via["sessionKey"]);
            Assert.Equal(truth.LeakedAccessKeyId, (string?)via["assumedWithKey"]);
            Assert.Equal("185.220.101.47", (string?)via["sourceIp"]);
        }
    }

    [Theory]
    [InlineData("en", "Other accounts the attacker entered")]
    [InlineData("ja", "攻撃者が侵入した他のアカウント")]
    public async Task The_report_names_each_account_entered_with_the_role_and_session(string lang, string heading)
    {
        var md = await File.ReadAllTextAsync(await Shodo.Reports.ReportBuilder.WriteAsync(scenario.CaseDirectory, Shodo.Reports.ReportFormat.Markdown, lang));
        var section = md[md.IndexOf(heading, StringComparison.Ordinal)..];
        foreach (var account in scenario.Range.GroundTruth!.Accounts)
        {
            var row = section.Split('\n').First(l => l.StartsWith("| " + account.AccountId, StringComparison.Ordinal));
            Assert.Contains(account.ReachedBy, row);
            Assert.Contains(Assert.Single(account.Found.SessionAccessKeyIds), row);
        }
    }
}
