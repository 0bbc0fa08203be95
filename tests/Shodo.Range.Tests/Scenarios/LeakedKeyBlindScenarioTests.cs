using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Scenarios;

public sealed class LeakedKeyBlindFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Scenario = "leaked-key-blind" };
}

/// <summary>
/// <c>leaked-key-blind</c>: the leaked-key-cryptomining attacker in an account with no trail, where the
/// responder's LookupEvents is denied in every region; the account's state is all there is to read.
/// </summary>
public sealed class LeakedKeyBlindScenarioTests(LeakedKeyBlindFixture fixture) : IClassFixture<LeakedKeyBlindFixture>
{
    [Fact]
    public void The_attacker_is_the_cryptomining_story_s_backdoor_instances_and_all()
    {
        var truth = fixture.Range.GroundTruth!;
        Assert.Equal("leaked-key-blind", truth.Scenario);
        Assert.Equal("dev-tanaka", truth.LeakedUserName);
        Assert.Equal(["aws-support-svc"], truth.Users);
        Assert.True(truth.Instances.Count >= 18, $"only {truth.Instances.Count} instances");
        lock (fixture.Range.State.Sync)
        {
            var backdoor = fixture.Range.State.Iam.User("aws-support-svc")!;
            Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess", backdoor.AttachedPolicyArns);
            Assert.Equal("Active", Assert.Single(fixture.Range.State.Iam.KeysOf("aws-support-svc")).Status);
        }
        Assert.Equal(new Shodo.Range.Scenarios.GroundTruthStopLogging("acme-audit", false), truth.StopLogging);
    }

    [Fact]
    public async Task The_account_has_no_trail_and_no_log_bucket()
    {
        var trails = await fixture.Cli.OkAsync("cloudtrail", "describe-trails");
        Assert.Empty(trails.GetProperty("trailList").EnumerateArray());
        var buckets = (await fixture.Cli.OkAsync("s3api", "list-buckets")).GetProperty("Buckets").EnumerateArray()
            .Select(b => b.GetProperty("Name").GetString()).ToList();
        Assert.DoesNotContain("acme-cloudtrail-logs", buckets);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("ap-northeast-1")]
    [InlineData("eu-west-1")]
    public async Task Lookup_events_is_denied_to_the_responder_in_every_region(string region)
    {
        var result = await fixture.Cli.InRegion(region).FailsWithAsync("AccessDeniedException", "cloudtrail", "lookup-events", "--max-results", "5");
        Assert.Contains("cloudtrail:LookupEvents", result.ErrorMessage);
        Assert.Contains("responder", result.ErrorMessage);
    }
}
