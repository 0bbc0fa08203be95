using System.Text.Json.Nodes;
using Shodo.Investigation;
using Shodo.Range;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// org-pivot whose audit trail is an organisation trail (issue 21, item 4): the management account's log files are under
/// <c>AWSLogs/o-ID/ACCOUNT/CloudTrail/...</c>, not <c>AWSLogs/ACCOUNT/</c>. The investigation finds the organisation's id,
/// reads the account's log files there and validates their digests beside them.
/// </summary>
public sealed class OrganizationTrailInvestigationTests(OrganizationTrailInvestigationTests.OrgTrailCase scenario)
    : IClassFixture<OrganizationTrailInvestigationTests.OrgTrailCase>
{
    private const string Bucket = "acme-org-trail";

    public sealed class OrgTrailCase : ScenarioCase
    {
        protected override string Scenario => "org-pivot";
        protected override InvestigationOptions Options(RangeHost range) => new() { AccessKeyId = range.GroundTruth!.LeakedAccessKeyId };

        protected override Task PrepareAsync(RangeHost range)
        {
            var state = range.State;
            lock (state.Sync)
            {
                state.CreateBucket(Bucket, at: state.Clock.Now.AddDays(-600));
                var trail = state.CreateTrail("acme-organization", Bucket, startLoggingAt: state.Clock.Now.AddDays(-600));
                trail.IsOrganizationTrail = true;
                trail.LogFileValidationEnabled = true;
                range.Organization!.ServiceAccess[Shodo.Range.State.Organizations.RangeOrganization.CloudTrailPrincipal] = state.Clock.Now.AddDays(-600);
            }
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void The_account_s_log_files_and_digests_are_read_from_the_organisation_trail_s_folder()
    {
        var org = scenario.Range.Organization!;
        var own = $"AWSLogs/{org.Id}/{org.ManagementAccountId}/";
        lock (scenario.Range.State.Sync)
        {
            var (from, to) = scenario.FirstInvestigationCalls;
            var reads = scenario.Range.State.Calls.Skip(from).Take(to - from)
                .Where(c => c.Service == "s3" && c.EventName == "GetObject" && c.RequestParameters?["bucketName"]?.GetValue<string>() == Bucket)
                .Select(c => c.RequestParameters?["key"]?.GetValue<string>() ?? "").ToList();
            Assert.Contains(reads, k => k.StartsWith(own + "CloudTrail/", StringComparison.Ordinal));
            Assert.Contains(reads, k => k.StartsWith(own + "CloudTrail-Digest/", StringComparison.Ordinal));
            Assert.All(reads, k => Assert.StartsWith(own, k)); // only this account's folder: the members' are theirs
        }
        var coverage = JsonNode.Parse(File.ReadAllText(Path.Combine(scenario.CaseDirectory, "coverage.json")))!;
        var digests = coverage["investigation"]!["digests"]!.AsArray().Single(d => (string?)d!["location"] == $"s3://{Bucket}")!;
        Assert.True((int)digests["logFilesRead"]! > 0);
        Assert.Equal((int)digests["logFilesRead"]!, (int)digests["logFilesVerified"]!);
        Assert.Empty(digests["altered"]!.AsArray());
        Assert.Empty(digests["chainBreaks"]!.AsArray());
    }
}
