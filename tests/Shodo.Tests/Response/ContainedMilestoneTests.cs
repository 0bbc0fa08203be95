using Shodo.Escalation;
using Shodo.Escalation.Notices;
using Shodo.Tests.Escalation;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Response;

/// <summary>
/// The "contained" milestone (subject 封じ込め完了) is not sent while instances isolated for a decision still run:
/// on the leaked-key scenario the one-time Spot instances cannot be stopped, so everyone notified hears "partly contained".
/// </summary>
public sealed class ContainedMilestoneTests(CryptominingResponse response) : IClassFixture<CryptominingResponse>
{
    [Fact]
    public void Instances_isolated_for_a_decision_make_the_milestone_partly_contained_not_contained()
    {
        var outcomes = Kind(response.CaseDirectory, "containment.outcome").Select(e => (string?)e["data"]!["outcome"]).ToList();
        Assert.Contains("needs-decision", outcomes); // the one-time Spot instances, isolated but running
        var milestones = Kind(response.CaseDirectory, EscalationJournalKinds.Milestone).Select(e => (string?)e["data"]!["milestone"]).ToList();
        Assert.Contains("partly-contained", milestones);
        Assert.DoesNotContain("contained", milestones);
    }

    [Fact]
    public void The_partly_contained_notice_says_so_in_japanese_and_never_says_contained()
    {
        var notice = EscalationSamples.Notice(NoticeEvent.Milestone, "ja", Milestone.PartlyContained);
        Assert.Contains("一部のみ封じ込め", notice.Text.Subject);
        Assert.DoesNotContain("封じ込め完了", notice.Text.Subject + notice.Text.Headline);
        var english = EscalationSamples.Notice(NoticeEvent.Milestone, "en", Milestone.PartlyContained);
        Assert.Contains("PARTLY contained", english.Text.Subject);
    }
}
