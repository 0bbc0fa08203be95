using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Escalation;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Drill.Rehearsal;
using Shodo.Tests.Cases;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Escalation;

/// <summary>
/// Escalation notices leave the case folder, so each carries the case journal's head as it was when
/// the notice was written (<c>SEQ:HASH</c>): kept by the people notified, it anchors the journal, and
/// <c>verify --anchor</c> proves the record up to that entry. The journal records which head went where.
/// </summary>
public sealed class NoticeAnchorTests
{
    private static string Yaml(RehearsalReceiver r) => $"""
        escalation:
          levels:
            - name: on-call
              repeat: 1h
              targets:
                - name: Alice
                  channels:
                    - {"{"}kind: webhook, url: "{r.WebhookUrl}"{"}"}
        """;

    [Fact]
    public async Task Every_notice_carries_the_journal_head_it_was_written_at_and_each_such_head_anchors_the_case()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        string dir;
        using (var @case = Case.Open(root.Path))
        {
            dir = @case.Directory;
            await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)));
            await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
            await receiver.WaitForAsync(1);
            await @case.Journal.AppendAsync("containment.changed", new JsonObject { ["target"] = "AKIAIOSFODNN7EXAMPLE" });
            await loop.NotifyMilestoneAsync(Milestone.Contained, EscalationSamples.Facts(@case.Manifest.Id));
            await receiver.WaitForAsync(2);
            await loop.DrainAsync(TimeSpan.FromSeconds(5));
        }

        var bodies = receiver.ReceivedAt("webhook").Select(r => r.Json!).ToList();
        Assert.Equal(2, bodies.Count);
        var anchors = bodies.Select(b => JournalAnchor.Parse((string)b["journalAnchor"]!)!).ToList();
        Assert.True(anchors[1].Seq > anchors[0].Seq, "the milestone was written after more entries");
        foreach (var (body, anchor) in bodies.Zip(anchors))
        {
            Assert.Contains(anchor.ToString(), (string)body["text"]!);
            var proven = CaseVerifier.Verify(dir, new CaseVerifyOptions { Anchors = [anchor] });
            Assert.True(proven.Intact, string.Join("; ", proven.Findings));
            Assert.Equal(anchor, proven.Anchoring.Through);
        }
        var sent = Kind(dir, EscalationJournalKinds.Sent).Select(e => (string?)e["data"]!["anchor"]).ToList();
        Assert.Equal(anchors.Select(a => a.ToString()), sent);
        var unanchored = CaseVerifier.Verify(dir);
        Assert.False(unanchored.Anchoring.Anchored);
        Assert.Equal(anchors.Select(a => a.Seq), unanchored.Anchoring.Sent.Select(s => s.Seq));
        Assert.All(unanchored.Anchoring.Sent, s => Assert.Equal(("webhook", "Alice"), (s.Channel, s.Target)));
    }

    [Theory]
    [InlineData("en", "Journal anchor")]
    [InlineData("ja", "ジャーナルのアンカー")]
    public void The_notice_text_labels_the_anchor_in_the_target_language(string language, string label)
    {
        var anchor = new JournalAnchor(57, new string('3', 64));
        var notice = EscalationSamples.Notice(NoticeEvent.Alert, language, facts: EscalationSamples.Facts() with { Anchor = anchor });
        var fact = Assert.Single(notice.Text.Facts, f => f.Value == anchor.ToString());
        Assert.StartsWith(label, fact.Label);
        Assert.DoesNotContain(EscalationSamples.Notice(NoticeEvent.Alert, language).Text.Facts, f => f.Label == fact.Label);
    }
}
