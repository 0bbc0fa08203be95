using System.Diagnostics;
using Shodo.Cases;
using Shodo.Escalation;
using Shodo.Escalation.Loop;
using Shodo.Drill.Rehearsal;
using Shodo.Tests.Cases;
using static Shodo.Tests.Escalation.CaseJournalReading;

namespace Shodo.Tests.Escalation;

/// <summary>A channel that is down (refused, 500, hanging) delays neither the other channels nor the caller, and is retried with backoff.</summary>
public sealed class ChannelDownTests
{
    [Fact]
    public async Task Refused_failing_and_hanging_channels_do_not_delay_the_working_one_and_are_retried_with_backoff()
    {
        await using var receiver = RehearsalReceiver.Start();
        receiver.Stall("hangs", TimeSpan.FromSeconds(30));
        receiver.FailNext("flaky", 2);
        var refusedPort = RehearsalReceiver.FreePort();
        var settings = EscalationSamples.Settings($"""
            escalation:
              levels:
                - name: on-call
                  repeat: 1h
                  targets:
                    - name: Alice
                      channels:
                        - {"{"}kind: webhook, url: "http://127.0.0.1:{refusedPort}/refused"{"}"}
                        - {"{"}kind: webhook, url: "{receiver.BaseUrl}hangs"{"}"}
                        - {"{"}kind: webhook, url: "{receiver.BaseUrl}flaky"{"}"}
                        - {"{"}kind: slack, webhook_url: "{receiver.SlackUrl}"{"}"}
            """);
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case, settings, new EscalationOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(2),
            FirstRetryDelay = TimeSpan.FromMilliseconds(200),
            MaxAttempts = 3,
        });

        var clock = Stopwatch.StartNew();
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"StartAsync took {clock.Elapsed}");

        await receiver.WaitForAsync(1, r => r.Path == "slack", TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"the working channel waited {clock.Elapsed} for the broken ones");

        await Until(() => Kind(@case.Directory, EscalationJournalKinds.Failed).Count(e => (string)e["data"]!["error"]! == "timeout after 2s") == 3, "three timeouts", 30);
        await loop.DrainAsync(TimeSpan.FromSeconds(10));
        var failed = Kind(@case.Directory, EscalationJournalKinds.Failed);
        var sent = Kind(@case.Directory, EscalationJournalKinds.Sent);

        var refused = failed.Where(e => (string)e["data"]!["error"]! == "connection refused").ToList();
        Assert.Equal([1, 2, 3], refused.Select(e => (int)e["data"]!["attempt"]!));
        Assert.NotNull(refused[0]["data"]!["retryAt"]);
        Assert.Null(refused[2]["data"]!["retryAt"]);          // given up until the next reminder
        Assert.True(DateTimeOffset.Parse((string)refused[1]["data"]!["retryAt"]!) - DateTimeOffset.Parse((string)refused[1]["time"]!)
            > DateTimeOffset.Parse((string)refused[0]["data"]!["retryAt"]!) - DateTimeOffset.Parse((string)refused[0]["time"]!), "backoff grows");

        var flaky = failed.Where(e => (string)e["data"]!["error"]! == "HTTP 500").Select(e => (int)e["data"]!["attempt"]!).ToList();
        Assert.Equal([1, 2], flaky);
        Assert.Equal(3, receiver.ReceivedAt("flaky").Count);
        Assert.Equal([1, 3], sent.Select(e => (int)e["data"]!["attempt"]!).Order());   // slack at once, flaky on its third try
        Assert.All(failed, e => Assert.Equal("webhook", (string)e["data"]!["channel"]!));
    }

    [Fact]
    public async Task A_webhook_that_is_gone_is_not_hammered_with_retries()
    {
        await using var receiver = RehearsalReceiver.Start();
        receiver.FailNext("teams", status: 404);
        var settings = EscalationSamples.Settings($"""
            escalation:
              levels:
                - name: on-call
                  repeat: 1h
                  targets:
                    - name: Alice
                      channels:
                        - {"{"}kind: teams, webhook_url: "{receiver.TeamsUrl}"{"}"}
            """);
        using var root = new TempFolder();
        using var @case = Case.Open(root.Path);
        await using var loop = new EscalationLoop(@case, settings, new EscalationOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(50) });
        await loop.StartAsync(EscalationSamples.Facts(@case.Manifest.Id));
        await Until(() => Kind(@case.Directory, EscalationJournalKinds.Failed).Count == 1, "the failure");
        await Task.Delay(300);

        Assert.Single(receiver.ReceivedAt("teams"));
        var failed = Assert.Single(Kind(@case.Directory, EscalationJournalKinds.Failed));
        Assert.Equal("HTTP 404", (string)failed["data"]!["error"]!);
        Assert.Null(failed["data"]!["retryAt"]);
    }
}
