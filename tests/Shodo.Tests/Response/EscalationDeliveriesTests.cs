using Shodo.Cases;
using Shodo.Escalation.Loop;
using Shodo.Drill.Rehearsal;
using Shodo.Response;
using Shodo.Tests.Cases;
using Shodo.Tests.Escalation;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Response;

/// <summary>
/// What the escalation loop delivered and what it could not, as notes on the response's progress (the
/// line log and the live view of <c>respond</c>, and <c>escalate</c>'s output) at once — not only in the
/// journal: each first notice delivered, each failure with its reason and the retry, and a loud line
/// when nobody on a level could be reached at all.
/// </summary>
public sealed class EscalationDeliveriesTests
{
    private static EscalationOptions Fast => new() { FirstRetryDelay = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 };

    private static string Level(params string[] targets) => $"""
        escalation:
          levels:
            - name: on-call
              repeat: 1h
              targets:
        {string.Join("\n", targets)}
        """;

    private static string Target(string name, string url) =>
        $"        - {{name: {name}, channels: [{{kind: webhook, url: \"{url}\"}}]}}";

    [Fact]
    public async Task Each_delivery_and_each_failure_is_a_note_with_who_how_and_why()
    {
        await using var receiver = RehearsalReceiver.Start();
        var refused = $"http://127.0.0.1:{RehearsalReceiver.FreePort()}/hook";
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case,
            EscalationSamples.Settings(Level(Target("Alice", receiver.BaseUrl + "oncall"), Target("Bob", refused))), Fast);
        var progress = new RecordingProgress();
        EscalationDeliveries.Attach(loop, progress);

        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        await Until(() => progress.Notes.Count(n => n.Text.Contains("Bob")) >= 2, "Bob's first failure and giving up");

        var notes = progress.Notes.ToList();
        Assert.All(notes, n => Assert.Equal("escalate", n.Step));
        Assert.Contains(notes, n => n.Text == "level 1 (on-call): delivered to Alice via webhook (127.0.0.1)");
        Assert.Contains(notes, n => n.Text == "level 1 (on-call): could NOT reach Bob via webhook (127.0.0.1): connection refused; retrying in 200ms");
        Assert.Contains(notes, n => n.Text == "level 1 (on-call): could NOT reach Bob via webhook (127.0.0.1): connection refused; no more retries until the next reminder");
        Assert.DoesNotContain(notes, n => n.Text.Contains("NOBODY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_every_channel_of_a_level_fails_a_note_says_nobody_was_reached_and_names_them()
    {
        var refused = $"http://127.0.0.1:{RehearsalReceiver.FreePort()}/hook";
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case,
            EscalationSamples.Settings(Level(Target("Alice", refused), Target("Bob", refused + "2"))), Fast);
        var progress = new RecordingProgress();
        EscalationDeliveries.Attach(loop, progress);

        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        await Until(() => progress.Notes.Any(n => n.Text.Contains("NOBODY", StringComparison.Ordinal)), "the nobody-reached note");

        var nobody = Assert.Single(progress.Notes, n => n.Text.Contains("NOBODY", StringComparison.Ordinal));
        Assert.Equal("level 1 (on-call): NOBODY has been reached (Alice, Bob): every channel failed. Tell them yourself now; Shodo keeps trying.", nobody.Text);
        await Until(() => Kind(@case.Directory, "escalation.failed").Count == 4, "both attempts on both channels");
        Assert.Single(progress.Notes, n => n.Text.Contains("NOBODY", StringComparison.Ordinal));
    }
}
