using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;
using Shodo.Escalation;
using Shodo.Escalation.Loop;
using Shodo.Drill.Rehearsal;
using Shodo.Tests.Cases;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Escalation;

/// <summary>The loop on a simulated clock: level 1 at once, reminders at the interval, level 2 on time, silence after ack.</summary>
public sealed class EscalationLoopClockTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-28T14:23:00Z");

    private static string Yaml(RehearsalReceiver r) => $"""
        escalation:
          decided_by: CISO
          levels:
            - name: on-call
              repeat: 5m
              targets:
                - name: Alice
                  channels:
                    - kind: webhook
                      url: {r.BaseUrl}oncall
            - name: manager
              after: 15m
              repeat: 10m
              targets:
                - name: Bob
                  language: ja
                  channels:
                    - kind: webhook
                      url: {r.BaseUrl}manager
            - name: legal
              after: 1h
              repeat: 30m
              targets:
                - name: Legal team
                  channels:
                    - kind: webhook
                      url: {r.BaseUrl}legal
        """;

    [Fact]
    public async Task Level_one_at_once_reminded_at_its_interval_level_two_added_on_time_and_all_stops_after_ack()
    {
        var clock = new FakeTimeProvider(T0);
        await using var receiver = RehearsalReceiver.Start(clock);
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path, new CaseOptions { Time = clock, AccountId = EscalationSamples.Account });
        var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)),
            new EscalationOptions { Time = clock, InboxPollInterval = TimeSpan.FromSeconds(1) });
        // Counted when journaled: the send is journaled after the service answered.
        int At(string path) => Sent(@case.Directory, path switch { "oncall" => "on-call", var p => p });

        async Task Advance(TimeSpan by)
        {
            var parked = loop.Parkings;
            clock.Advance(by);
            await Until(() => loop.Parkings > parked, "the loop to sleep again");
        }

        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        await Until(() => At("oncall") == 1, "level 1 at once");
        await Until(() => loop.Parkings >= 1, "the loop to sleep");
        Assert.Equal(0, At("manager"));

        await Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(1, At("oncall"));
        await Advance(TimeSpan.FromSeconds(1));
        await Until(() => At("oncall") == 2, "the first reminder at 5m");

        await Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));   // 14:59 after start
        await Until(() => At("oncall") == 3, "the reminder at 10m");
        Assert.Equal(0, At("manager"));
        await Advance(TimeSpan.FromSeconds(1));                              // 15:00
        await Until(() => At("manager") == 1 && At("oncall") == 4, "level 2 added at 15m beside level 1's reminder");
        Assert.Equal("alert", (string)receiver.ReceivedAt("manager")[0].Json!["event"]!);
        Assert.Equal("ja", (string)receiver.ReceivedAt("manager")[0].Json!["language"]!);
        Assert.Equal("repeat", (string)receiver.ReceivedAt("oncall")[3].Json!["event"]!);

        await Advance(TimeSpan.FromMinutes(2));
        Assert.True(await loop.AcknowledgeAsync("Bob", "api"));
        await loop.DrainAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("acknowledged", (string)receiver.ReceivedAt("oncall")[^1].Json!["event"]!);
        Assert.Equal("acknowledged", (string)receiver.ReceivedAt("manager")[^1].Json!["event"]!);
        var before = receiver.Received.Count;

        clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(300);
        Assert.Equal(before, receiver.Received.Count);
        Assert.Equal(0, At("legal"));
        Assert.False(await loop.AcknowledgeAsync("Carol", "api"));
        await loop.DisposeAsync();

        var journal = Entries(@case.Directory);
        var started = Assert.Single(journal, e => (string)e["kind"]! == EscalationJournalKinds.Started);
        Assert.Equal(3, started["data"]!["levels"]!.AsArray().Count);
        Assert.Equal("15m", (string)started["data"]!["levels"]![1]!["after"]!);
        var sent = journal.Where(e => (string)e["kind"]! == EscalationJournalKinds.Sent).ToList();
        string Time(TimeSpan after) => CaseTime.Format(T0 + after);
        Assert.Equal(
            [("on-call", "alert", Time(TimeSpan.Zero)), ("on-call", "repeat", Time(TimeSpan.FromMinutes(5))),
             ("on-call", "repeat", Time(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1))),
             ("manager", "alert", Time(TimeSpan.FromMinutes(15))), ("on-call", "repeat", Time(TimeSpan.FromMinutes(15)))],
            sent.Where(e => (string)e["data"]!["message"]! is "alert" or "repeat")
                .Select(e => ((string)e["data"]!["levelName"]!, (string)e["data"]!["message"]!, (string)e["time"]!))
                .OrderBy(x => x.Item3, StringComparer.Ordinal).ThenBy(x => x.Item1, StringComparer.Ordinal).ThenBy(x => x.Item2, StringComparer.Ordinal));
        Assert.All(sent, e =>
        {
            Assert.Equal("webhook", (string)e["data"]!["channel"]!);
            Assert.Equal("127.0.0.1", (string)e["data"]!["host"]!);
            Assert.Equal(1, (int)e["data"]!["attempt"]!);
        });
        var ack = Assert.Single(journal, e => (string)e["kind"]! == EscalationJournalKinds.Acknowledged);
        Assert.Equal("Bob", (string)ack["data"]!["by"]!);
        Assert.Equal(Time(TimeSpan.FromMinutes(17)), (string)ack["time"]!);
        Assert.Equal("acknowledged", (string)Assert.Single(journal, e => (string)e["kind"]! == EscalationJournalKinds.Stopped)["data"]!["reason"]!);
        Assert.True(CaseVerifier.Verify(@case.Directory).Intact);
    }
}
