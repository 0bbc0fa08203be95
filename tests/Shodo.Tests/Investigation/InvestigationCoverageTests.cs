using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Reasons = Shodo.Investigation.Sources.LogFiles.OrganizationTrailChoice.Reasons;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// What a member's coverage.json says of the organisation trail (issue 21): whether the member's own DescribeTrails listed it
/// (its shadow trail) and whether it logs — as the member's own GetTrailStatus answered, else as the management account found it.
/// </summary>
public sealed class InvestigationCoverageTests : IDisposable
{
    private const string Member = "222233334444", Management = "111122223333";
    private const string TrailArn = $"arn:aws:cloudtrail:us-east-1:{Management}:trail/acme-organization";
    private readonly TempFolder _cases = new();

    public void Dispose() => _cases.Dispose();

    private async Task<JsonNode> CoverageAsync(bool? memberSawLogging, bool listed = true)
    {
        using var aws = await TestConnections.OpenAsync(new Uri("http://127.0.0.1:9/")); // nothing is asked of it
        using var @case = Case.Open(_cases.Path, new CaseOptions { AccountId = Member, Title = "member" });
        var state = new AccountSnapshot();
        if (listed)
            state.Trails.Add(new TrailFact("acme-organization", TrailArn, "us-east-1", "acme-org-trail", null, true, memberSawLogging, null,
                false, [], false, "sha") { OrganizationTrail = true });
        var choice = new OrganizationTrailChoice(new OrganizationTrailReach(aws, TrailArn, "acme-org-trail", null, "o-a1b2c3d4e5", Management),
            Reasons.Read, TrailArn);
        var sources = new InvestigationSources(aws, @case, new InvestigationOptions { OrganizationTrail = choice }, state, ["us-east-1"],
            IInvestigationProgress.None);
        await InvestigationCoverage.WriteAsync(@case, [], 0, sources, CancellationToken.None);
        return JsonNode.Parse(@case.Folder.Read("coverage.json")!)!["investigation"]!["organizationTrail"]!;
    }

    [Fact]
    public async Task The_members_own_status_of_its_shadow_trail_is_what_it_says()
    {
        var coverage = await CoverageAsync(memberSawLogging: true);

        Assert.True((bool?)coverage["seenInAccount"]);
        Assert.True((bool?)coverage["logging"]);
        Assert.Equal(Member, (string?)coverage["loggingSeenBy"]);
    }

    [Fact]
    public async Task Without_the_members_own_status_its_logging_is_known_through_the_management_account()
    {
        var unanswered = await CoverageAsync(memberSawLogging: null);
        var unlisted = await CoverageAsync(memberSawLogging: null, listed: false);

        Assert.True((bool?)unanswered["seenInAccount"]);
        Assert.True((bool?)unanswered["logging"]);
        Assert.Equal(Management, (string?)unanswered["loggingSeenBy"]);
        Assert.False((bool?)unlisted["seenInAccount"]);
        Assert.Equal(Management, (string?)unlisted["loggingSeenBy"]);
    }
}
