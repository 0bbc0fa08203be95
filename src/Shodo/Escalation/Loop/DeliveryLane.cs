using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Escalation.Channels;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Loop;

/// <summary>
/// One channel of one target on one level. Sends a notice, retrying with backoff on failure, and
/// journals every attempt (<c>escalation.sent</c> / <c>escalation.failed</c>) with the channel kind,
/// target name and host only. Lanes run independently: a dead channel never holds up another. Within
/// a lane notices go one at a time, in order; a reminder that finds another reminder already waiting
/// behind a slow send is dropped, so a dead channel never piles up reminders.
/// </summary>
internal sealed class DeliveryLane(EscalationLevel level, int lane, EscalationTarget target, IEscalationChannel channel,
    Journal journal, EscalationOptions options, SecretValues secrets, Action<EscalationEvent>? raise = null)
{
    private readonly Lock _order = new();
    private Task _tail = Task.CompletedTask;
    private int _queuedReminders;

    public EscalationLevel Level => level;
    public EscalationTarget Target => target;
    public IEscalationChannel Channel => channel;

    /// <summary>
    /// Queues <paramref name="notice"/> behind the lane's earlier notices (they are sent in order).
    /// <paramref name="ct"/> aborts everything (shutdown); <paramref name="retryStop"/> (acknowledgement,
    /// for alerts and reminders) lets an attempt in progress finish but ends waiting and retrying.
    /// </summary>
    public Task Enqueue(Notice notice, bool isReminder, CancellationToken ct, CancellationToken retryStop)
    {
        lock (_order)
        {
            if (isReminder)
            {
                if (_queuedReminders > 0) return Task.CompletedTask;
                _queuedReminders++;
            }
            _tail = RunAfterAsync(_tail, notice, isReminder, ct, retryStop);
            return _tail;
        }
    }

    private async Task RunAfterAsync(Task previous, Notice notice, bool isReminder, CancellationToken ct, CancellationToken retryStop)
    {
        await Task.Yield();
        await previous.ConfigureAwait(false);
        if (isReminder)
            lock (_order) _queuedReminders--;
        using var waitStop = CancellationTokenSource.CreateLinkedTokenSource(ct, retryStop);
        try
        {
            for (var attempt = 1; attempt <= options.MaxAttempts && !waitStop.IsCancellationRequested; attempt++)
            {
                ChannelFailure failure;
                try
                {
                    await channel.SendAsync(notice, ct).ConfigureAwait(false);
                    await RecordAsync(EscalationJournalKinds.Sent, notice, attempt, null, null).ConfigureAwait(false);
                    Raise(EscalationEventKind.Sent, notice, attempt, null, options.Time.GetUtcNow(), null);
                    return;
                }
                catch (ChannelFailure f) { failure = f; }
                catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
                catch (Exception e) { failure = new ChannelFailure($"unexpected failure ({e.GetType().Name})", true, e); }

                var retry = failure.Retryable && attempt < options.MaxAttempts;
                var delay = options.RetryDelay(attempt);
                var failedAt = options.Time.GetUtcNow();
                var retryAt = retry ? failedAt + delay : (DateTimeOffset?)null;
                await RecordAsync(EscalationJournalKinds.Failed, notice, attempt, failure.Message, retryAt).ConfigureAwait(false);
                Raise(EscalationEventKind.Failed, notice, attempt, failure.Message, failedAt, retryAt);
                if (!retry) return;
                try { await Task.Delay(delay, options.Time, waitStop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // shutdown: the journal may already be closing
        }
    }

    private void Raise(EscalationEventKind kind, Notice notice, int attempt, string? error, DateTimeOffset at, DateTimeOffset? retryAt) =>
        raise?.Invoke(new EscalationEvent(kind, level, at)
        {
            Target = secrets.Scrub(target.Name), Channel = channel.Kind, Host = secrets.Scrub(channel.Host), Lane = lane,
            Notice = notice.Event, Attempt = attempt, Error = error is null ? null : secrets.Scrub(error), RetryAt = retryAt,
        });

    private Task RecordAsync(string kind, Notice notice, int attempt, string? error, DateTimeOffset? retryAt)
    {
        var data = new JsonObject
        {
            ["level"] = level.Number,
            ["levelName"] = secrets.Scrub(level.Name),
            ["target"] = secrets.Scrub(target.Name),
            ["channel"] = channel.Kind,
            ["host"] = secrets.Scrub(channel.Host),
            ["message"] = notice.Milestone is { } m ? $"{notice.Event.Name()}:{m.Name()}" : notice.Event.Name(),
            ["attempt"] = attempt,
        };
        if (kind == EscalationJournalKinds.Sent && notice.Facts.Anchor is { } anchor) data["anchor"] = anchor.ToString();
        if (kind == EscalationJournalKinds.Failed)
        {
            data["error"] = secrets.Scrub(error ?? "");
            data["retryAt"] = retryAt is { } at ? CaseTime.Format(at) : null;
        }
        return journal.AppendAsync(kind, data, null, CancellationToken.None);
    }
}
