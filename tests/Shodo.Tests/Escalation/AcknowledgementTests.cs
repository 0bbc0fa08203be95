using Shodo.Cases;
using Shodo.Escalation;
using Shodo.Escalation.Acknowledgement;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Drill.Rehearsal;
using Shodo.Tests.Cases;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Escalation;

/// <summary>Acknowledgement reaches the running loop through the case's inbox, from the drill's receiver, and closes PagerDuty when contained.</summary>
public sealed class AcknowledgementTests
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
                    - {"{"}kind: pagerduty, routing_key: "rk-0123456789", endpoint: "{r.PagerDutyUrl}"{"}"}
        """;

    [Fact]
    public async Task A_request_left_in_the_inbox_by_another_process_is_journaled_then_archived_and_stops_the_loop()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)),
            new EscalationOptions { InboxPollInterval = TimeSpan.FromMilliseconds(50) });
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));

        // what `shodo ack` does when the case is busy
        Assert.Throws<Shodo.Diagnostics.ShodoException>(() => Case.Load(@case.Directory));
        var inbox = new AckInbox(@case.Directory);
        var request = inbox.Submit(new AckRequest("Hanako Sato", DateTimeOffset.UtcNow, "hanako", "laptop-2"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(@case.Directory, request)));

        Assert.Equal("Hanako Sato", await loop.Acknowledged.WaitAsync(TimeSpan.FromSeconds(10)));
        await Until(() => inbox.WasHandled(request), "the request to be archived");
        Assert.Empty(inbox.Pending());
        await loop.DrainAsync(TimeSpan.FromSeconds(5));

        var ack = Assert.Single(Kind(@case.Directory, EscalationJournalKinds.Acknowledged));
        Assert.Equal("inbox", (string)ack["data"]!["via"]!);
        Assert.Equal(Path.GetFileName(request), (string)ack["data"]!["request"]!);
        Assert.Equal("hanako@laptop-2", (string)ack["data"]!["requestedBy"]!);
        Assert.Equal(ContentHash.Sha256(File.ReadAllBytes(Path.Combine(@case.Directory, AckInbox.ProcessedFolder, Path.GetFileName(request)))),
            (string)ack["data"]!["requestSha256"]!);
        Assert.Contains(receiver.ReceivedAt("v2/enqueue"), r => (string)r.Json!["event_action"]! == "acknowledge");
        Assert.Contains(receiver.ReceivedAt("webhook"), r => (string)r.Json!["event"]! == "acknowledged");
    }

    [Fact]
    public async Task A_file_in_the_inbox_that_is_not_a_request_is_rejected_and_does_not_acknowledge()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        Directory.CreateDirectory(Path.Combine(@case.Directory, "inbox"));
        File.WriteAllText(Path.Combine(@case.Directory, "inbox", "ack-20261128T000000000Z-bad.json"), "{\"format\":\"shodo-ack-request/1\",\"by\":\"\\u0007\"}");
        await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)),
            new EscalationOptions { InboxPollInterval = TimeSpan.FromMilliseconds(50) });
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));

        Assert.False(loop.IsAcknowledged);
        Assert.Single(Kind(@case.Directory, EscalationJournalKinds.AckRejected));
        Assert.True(File.Exists(Path.Combine(@case.Directory, AckInbox.RejectedFolder, "ack-20261128T000000000Z-bad.json")));
    }

    [Fact]
    public async Task The_drill_receiver_acknowledges_after_its_delay_through_the_loop()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)));
        receiver.AcknowledgeAfter(loop, "drill responder", TimeSpan.FromMilliseconds(300));
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));

        Assert.Equal("drill responder", await loop.Acknowledged.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("rehearsal", (string)Assert.Single(Kind(@case.Directory, EscalationJournalKinds.Acknowledged))["data"]!["via"]!);
    }

    [Fact]
    public async Task PagerDuty_is_resolved_only_once_the_case_is_both_contained_and_acknowledged()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)));
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        List<string> Actions() => receiver.ReceivedAt("v2/enqueue").Select(r => (string)r.Json!["event_action"]!).ToList();

        await loop.NotifyMilestoneAsync(Milestone.EvidenceCaptured);
        await loop.NotifyMilestoneAsync(Milestone.Contained, EscalationSamples.Facts(@case.Manifest.Id) with { Details = ["4 actions done"] });
        await loop.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("resolve", Actions());
        Assert.Contains(receiver.ReceivedAt("webhook"), r => (string?)r.Json!["milestone"] == "contained" && r.Json!["details"]![0]!.ToString() == "4 actions done");

        await loop.AcknowledgeAsync("Bob", "api");
        await loop.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["trigger", "trigger", "trigger", "acknowledge", "resolve"], Actions());
        Assert.Equal(["evidence-captured", "contained"], Kind(@case.Directory, EscalationJournalKinds.Milestone).Select(e => (string)e["data"]!["milestone"]!));
    }

    [Fact]
    public async Task A_new_loop_on_an_acknowledged_case_sends_no_alert_but_still_reports_milestones_to_levels_already_notified()
    {
        await using var receiver = RehearsalReceiver.Start();
        using var root = new TempFolder();
        string dir;
        using (var first = Case.Open(root.Path))
        {
            dir = first.Directory;
            await using var loop = new EscalationLoop(first, EscalationSamples.Settings(Yaml(receiver)));
            await loop.StartAsync(EscalationSamples.Facts(first.Manifest.Id));
            await loop.AcknowledgeAsync("Bob", "api");
        }
        var before = receiver.Received.Count;
        using var again = Case.Load(dir);
        await using var resumed = new EscalationLoop(again, EscalationSamples.Settings(Yaml(receiver)));
        await resumed.StartAsync(EscalationSamples.Facts(again.Manifest.Id));
        Assert.True(resumed.IsAcknowledged);
        await resumed.NotifyMilestoneAsync(Milestone.Contained);
        await resumed.DrainAsync(TimeSpan.FromSeconds(5));

        var after = receiver.Received.Skip(before).ToList();
        Assert.DoesNotContain(after, r => (string?)r.Json!["event"] == "alert" || (string?)r.Json!["event_action"] == "trigger" && (string?)r.Json!["payload"]!["custom_details"]!["event"] == "alert");
        Assert.Contains(after, r => (string?)r.Json!["milestone"] == "contained");
        Assert.Contains(after, r => (string?)r.Json!["event_action"] == "resolve");
        Assert.Single(Kind(dir, EscalationJournalKinds.Started));
    }
}
