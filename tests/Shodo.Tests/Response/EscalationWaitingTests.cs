using Microsoft.Extensions.Time.Testing;
using Shodo.Cases;
using Shodo.Escalation.Loop;
using Shodo.Drill.Rehearsal;
using Shodo.Response;
using Shodo.Tests.Cases;
using Shodo.Tests.Escalation;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Response;

/// <summary>
/// The escalation loop, on a simulated clock and a real local receiver, seen as waits: each level
/// notified waits for acknowledgement with its people, the notices delivered and the next reminder;
/// the acknowledgement clears every wait, and nothing appears after it.
/// </summary>
public sealed class EscalationWaitingTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-11-28T14:23:00Z");

    private static string Yaml(RehearsalReceiver r) => $"""
        escalation:
          levels:
            - name: on-call
              repeat: 5m
              targets:
                - name: Alice
                  channels: [{"{"}kind: webhook, url: "{r.BaseUrl}oncall"{"}"}]
                - name: Carol
                  channels: [{"{"}kind: webhook, url: "{r.BaseUrl}oncall2"{"}"}]
            - name: manager
              after: 15m
              repeat: 10m
              targets:
                - name: Bob
                  channels: [{"{"}kind: webhook, url: "{r.BaseUrl}manager"{"}"}]
        """;

    [Fact]
    public async Task Each_level_waits_for_acknowledgement_with_its_people_and_next_reminder_until_someone_acknowledges()
    {
        var clock = new FakeTimeProvider(T0);
        await using var receiver = RehearsalReceiver.Start(clock);
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path, new CaseOptions { Time = clock, AccountId = EscalationSamples.Account });
        await using var loop = new EscalationLoop(@case, EscalationSamples.Settings(Yaml(receiver)),
            new EscalationOptions { Time = clock, InboxPollInterval = TimeSpan.FromSeconds(1) });
        var progress = new RecordingProgress();
        EscalationWaiting.Attach(loop, progress);

        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        WaitingItem Last(int level) => progress.Waits.Last(w => w.Id == EscalationWaiting.IdOf(level));
        await Until(() => progress.Waits.Any(w => w.What.Contains("2 notices")), "both on-call notices delivered");
        var first = Last(1);
        Assert.Equal(WaitingKind.Acknowledgement, first.Kind);
        Assert.Equal("escalate", first.Step);
        Assert.Equal("level 1 (on-call): Alice, Carol", first.Whom);
        Assert.Equal(T0, first.Since);
        Assert.Equal(T0 + TimeSpan.FromMinutes(5), first.NextReminder);
        Assert.DoesNotContain(progress.Waits, w => w.Id == EscalationWaiting.IdOf(2));

        await Until(() => loop.Parkings >= 1, "the loop to sleep");
        var parked = loop.Parkings;
        clock.Advance(TimeSpan.FromMinutes(5));
        await Until(() => loop.Parkings > parked, "the first reminder");
        Assert.Equal(T0 + TimeSpan.FromMinutes(10), Last(1).NextReminder);
        Assert.Equal(T0, Last(1).Since);

        parked = loop.Parkings;
        clock.Advance(TimeSpan.FromMinutes(10));
        await Until(() => loop.Parkings > parked && progress.Waits.Any(w => w.Id == EscalationWaiting.IdOf(2)), "level 2 at 15m");
        Assert.Equal("level 2 (manager): Bob", Last(2).Whom);
        Assert.Equal(T0 + TimeSpan.FromMinutes(25), Last(2).NextReminder);
        Assert.Empty(progress.Cleared);

        Assert.True(await loop.AcknowledgeAsync("Bob", "api"));
        Assert.Equal([EscalationWaiting.IdOf(1), EscalationWaiting.IdOf(2)], progress.Cleared.ToArray());
        var waitsAtAck = progress.Waits.Count;
        await loop.DrainAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(waitsAtAck, progress.Waits.Count);
    }
}
