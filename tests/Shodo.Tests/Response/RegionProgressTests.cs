using Shodo.Evidence;
using Shodo.Investigation;
using Shodo.Response;
using Shodo.Response.Steps;

namespace Shodo.Tests.Response;

/// <summary>
/// Collection lanes and investigation reads as region states: running while work is in flight, done or
/// with gaps when it ends, and settled exactly once per region so a log prints one line for each.
/// </summary>
public sealed class RegionProgressTests
{
    [Fact]
    public void A_collection_lane_counts_its_collectors_and_settles_when_it_ends()
    {
        var progress = new RecordingProgress();
        ICollectionProgress lanes = new CollectRegions(progress, "collect");
        lanes.LaneStarted("eu-west-1", 3);
        lanes.CollectorFinished("eu-west-1", "ec2.instances", 4, 0);
        lanes.CollectorFinished("eu-west-1", "ec2.volumes", 2, 1);
        lanes.LaneFinished("eu-west-1", 6, 1);

        var states = progress.Regions.Select(r => r.Region).ToList();
        Assert.Equal(new RegionProgress("eu-west-1", RegionState.Running, 0, 3, 0, 0), states[0]);
        Assert.Equal(new RegionProgress("eu-west-1", RegionState.Running, 2, 3, 6, 1), states[2]);
        Assert.Equal(new RegionProgress("eu-west-1", RegionState.Gap, 3, 3, 6, 1) { Settled = true }, states[3]);
        Assert.All(progress.Regions, r => Assert.Equal("collect", r.Step));
    }

    [Fact]
    public void Investigation_regions_run_while_any_query_reads_them_and_settle_once_after_the_lookups()
    {
        var progress = new RecordingProgress();
        IInvestigationProgress reads = new InvestigateRegions(progress, "investigate");
        reads.Step("lookup", "AKIA...");
        reads.RegionStarted("LookupEvents a", "us-east-1");
        reads.RegionStarted("LookupEvents b", "us-east-1");
        reads.RegionStarted("LookupEvents a", "ap-northeast-1");
        reads.RegionRead("LookupEvents a", "us-east-1", 10, 0);
        Assert.Equal(RegionState.Running, Latest("us-east-1").State);
        reads.RegionRead("LookupEvents b", "us-east-1", 5, 0);
        reads.RegionRead("LookupEvents a", "ap-northeast-1", 3, 2);
        Assert.Equal(new RegionProgress("us-east-1", RegionState.Done, 2, 2, 15, 0), Latest("us-east-1"));
        Assert.Equal(RegionState.Gap, Latest("ap-northeast-1").State);
        Assert.DoesNotContain(progress.Regions, r => r.Region.Settled);

        reads.Step("lookup", "all events since the compromise");
        reads.RegionStarted("LookupEvents everything", "us-east-1");
        Assert.Equal(RegionState.Running, Latest("us-east-1").State);
        reads.RegionRead("LookupEvents everything", "us-east-1", 100, 0);
        reads.Step("log-files", "trail log files");
        reads.Step("chain", "identities");

        var settled = progress.Regions.Where(r => r.Region.Settled).Select(r => r.Region).ToList();
        Assert.Equal(["ap-northeast-1", "us-east-1"], settled.Select(r => r.Region));
        Assert.Equal(new RegionProgress("us-east-1", RegionState.Done, 3, 3, 115, 0) { Settled = true }, settled[1]);
        Assert.Contains(("investigate", "chain: identities"), progress.Notes);

        RegionProgress Latest(string region) => progress.Regions.Last(r => r.Region.Region == region).Region;
    }
}
