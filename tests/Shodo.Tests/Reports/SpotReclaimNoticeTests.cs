using System.Text.Json.Nodes;
using Shodo.Reports;
using Shodo.Reports.Facts;
using Shodo.Reports.Sections;
using Shodo.Containment.Record;

namespace Shodo.Tests.Reports;

/// <summary>The report says that EC2 can reclaim a Spot instance at any time (English and Japanese), and only for Spot instances.</summary>
public sealed class SpotReclaimNoticeTests
{
    private static RecordedAction Action(string id, string instance, string? lifecycle) => new()
    {
        ActionId = id, Target = "ec2:instance:ap-northeast-1:" + instance,
        Before = new JsonObject { ["instanceId"] = instance, ["lifecycle"] = lifecycle },
    };

    private static readonly ContainmentFacts Facts = new(
    [
        Action("snapshot-volumes/i-0spot", "i-0spot", "spot"),
        Action("isolate-instance/i-0spot", "i-0spot", "spot"),
        Action("stop-instance/i-0ondemand", "i-0ondemand", null),
    ], null, null, null);

    [Fact]
    public void Spot_targets_are_named_once_with_the_reclaim_warning_in_english_and_japanese()
    {
        var en = SpotReclaimNotice.For(Facts, ReportText.For("en"))!;
        Assert.StartsWith("i-0spot: Spot instances.", en.Text);
        Assert.Contains("reclaim (interrupt) them at any time", en.Text);
        Assert.DoesNotContain("i-0ondemand", en.Text);
        var ja = SpotReclaimNotice.For(Facts, ReportText.For("ja"))!;
        Assert.StartsWith("i-0spot：スポットインスタンスです。", ja.Text);
        Assert.Contains("いつでも回収（中断）", ja.Text);
        Assert.Equal("スポットインスタンス", ja.Label);
    }

    [Fact]
    public void No_spot_target_means_no_notice()
    {
        Assert.Null(SpotReclaimNotice.For(new ContainmentFacts([Action("stop-instance/i-1", "i-1", null)], null, null, null), ReportText.For("en")));
    }
}
