using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Escalation.Acknowledgement;
using Shodo.Escalation.Channels;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;

namespace Shodo.Escalation.Loop;

/// <summary>
/// Tells the people with authority at once and keeps telling them until one acknowledges. On
/// <see cref="StartAsync"/> level 1 is notified immediately; every level repeats at its interval; the
/// next level is added when nobody acknowledged within its <c>after</c>; acknowledgement (this API,
/// or a request another process left in the case's inbox) stops the reminders. Runs in the
/// background: nothing here waits for a channel, and each channel retries on its own
/// (<see cref="DeliveryLane"/>). Milestone updates go to every level notified so far.
/// </summary>
public sealed class EscalationLoop : IAcknowledgeable, IAsyncDisposable
{
    private readonly Case _case;
    private readonly EscalationSettings _settings;
    private readonly EscalationOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly AckInbox _inbox;
    private readonly List<LevelState> _levels;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _reminders;
    private readonly TaskCompletionSource<string> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<Task> _deliveries = [];
    private EscalationFacts _facts;
    private Milestone? _phase;
    private bool _contained;
    private bool _resolved;
    private string? _acknowledgedBy;
    private IReadOnlySet<string> _journaledRequests = new HashSet<string>();
    private DateTimeOffset _startedAt;
    private Task _run = Task.CompletedTask;
    private int _parkings;
    private int _disposed;
    private CancellationTokenRegistration _cancelRegistration;

    public EscalationLoop(Case @case, EscalationSettings settings, EscalationOptions? options = null)
    {
        _case = @case;
        _settings = settings;
        _options = options ?? new EscalationOptions();
        _ownsHttp = _options.Http is null;
        _http = _options.Http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _inbox = new AckInbox(@case.Directory);
        _reminders = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _facts = new EscalationFacts { CaseId = @case.Manifest.Id, AccountId = @case.Manifest.AccountId };
        var services = new ChannelServices(_http, _options.Time, _options.AttemptTimeout);
        _levels = settings.Levels.Select(level => new LevelState(level, level.Targets
            .SelectMany(t => t.Channels.Select(c => (Target: t, Channel: c)))
            .Select((lane, i) => new DeliveryLane(level, i, lane.Target, lane.Channel.Create(services), @case.Journal, _options, settings.Secrets, Raise))
            .ToList())).ToList();
    }

    /// <summary>Whether an escalation chain is configured at all.</summary>
    public bool IsConfigured => _levels.Count > 0;

    public bool IsAcknowledged => Volatile.Read(ref _acknowledgedBy) is not null;

    /// <summary>Completes with the acknowledger's name when someone acknowledges.</summary>
    public Task<string> Acknowledged => _acknowledged.Task;

    /// <summary>
    /// Raised (on the loop's or a channel's task) when a level is notified or reminded, a notice is sent
    /// or fails, and on acknowledgement — for a live display; a handler that throws is ignored.
    /// </summary>
    public event Action<EscalationEvent>? Changed;

    private void Raise(EscalationEvent e)
    {
        try { Changed?.Invoke(e); }
        catch (Exception) { /* a display's failure never stops the escalation */ }
    }

    /// <summary>Times the loop went to sleep waiting for its next due step (tests wait on it before moving a fake clock).</summary>
    internal int Parkings => Volatile.Read(ref _parkings);

    /// <summary>
    /// Journals <c>escalation.started</c>, notifies level 1 at once and starts the loop in the
    /// background. When the journal already records an acknowledgement, nothing is sent.
    /// </summary>
    public async Task StartAsync(EscalationFacts facts, CancellationToken ct = default)
    {
        if (!IsConfigured) return;
        _cancelRegistration = ct.Register(() => _stop.Cancel());
        _facts = facts;
        var history = EscalationHistory.Read(_case.Folder);
        _journaledRequests = history.JournaledRequests;
        if (history.Acknowledged)
        {
            foreach (var level in _levels.Where(l => history.NotifiedLevels.Contains(l.Level.Number))) level.Activated = true;
            _acknowledgedBy = history.AcknowledgedBy;
            _reminders.Cancel();
            _acknowledged.TrySetResult(history.AcknowledgedBy!);
            await ReadInboxAsync().ConfigureAwait(false);
            return;
        }
        _startedAt = _options.Time.GetUtcNow();
        await _case.Journal.AppendAsync(EscalationJournalKinds.Started, StartedData(), null, CancellationToken.None).ConfigureAwait(false);
        await ReadInboxAsync().ConfigureAwait(false);
        if (IsAcknowledged) return;
        Step(_startedAt);
        _run = Task.Run(RunAsync, CancellationToken.None);
    }

    /// <summary>Sends a milestone update (evidence captured, plan awaiting approval, contained, not contained) to every level notified so far.</summary>
    public async Task NotifyMilestoneAsync(Milestone milestone, EscalationFacts? facts = null, CancellationToken ct = default)
    {
        if (!IsConfigured) return;
        bool resolve;
        lock (_gate)
        {
            if (facts is not null) _facts = facts;
            _phase = milestone;
            _contained = milestone == Milestone.Contained || (_contained && milestone is not (Milestone.NotContained or Milestone.PartlyContained));
            resolve = _contained && _acknowledgedBy is not null && !_resolved;
            if (resolve) _resolved = true;
        }
        var data = new JsonObject
        {
            ["milestone"] = milestone.Name(),
            ["details"] = new JsonArray(_facts.Details.Select(d => (JsonNode?)_settings.Secrets.Scrub(d)).ToArray()),
        };
        await _case.Journal.AppendAsync(EscalationJournalKinds.Milestone, data, null, ct).ConfigureAwait(false);
        Dispatch(NoticeEvent.Milestone, NotifiedLevels(), _stop.Token);
        if (resolve) Dispatch(NoticeEvent.Resolved, NotifiedLevels(), _stop.Token);
    }

    /// <summary>Records the acknowledgement, stops reminders and tells everyone notified who took it.</summary>
    public Task<bool> AcknowledgeAsync(string by, string via, CancellationToken ct = default) => AcknowledgeAsync(by, via, null, ct);

    private async Task<bool> AcknowledgeAsync(string by, string via, JsonObject? extra, CancellationToken ct)
    {
        by = AckName.Check(by);
        bool resolve;
        lock (_gate)
        {
            if (_acknowledgedBy is not null) return false;
            _acknowledgedBy = by;
            resolve = _contained && !_resolved;
            if (resolve) _resolved = true;
        }
        var data = new JsonObject { ["by"] = by, ["via"] = via };
        foreach (var (key, value) in extra ?? []) data[key] = value?.DeepClone();
        await _case.Journal.AppendAsync(EscalationJournalKinds.Acknowledged, data, null, CancellationToken.None).ConfigureAwait(false);
        _reminders.Cancel();
        Raise(new EscalationEvent(EscalationEventKind.Acknowledged, null, _options.Time.GetUtcNow()) { By = by });
        if (IsConfigured)
        {
            Dispatch(NoticeEvent.Acknowledged, NotifiedLevels(), _stop.Token);
            if (resolve) Dispatch(NoticeEvent.Resolved, NotifiedLevels(), _stop.Token);
        }
        _acknowledged.TrySetResult(by);
        return true;
    }

    /// <summary>Waits until every send in flight has finished (or <paramref name="timeout"/> passed on the real clock).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        Task[] pending;
        lock (_gate) pending = [.. _deliveries, _run];
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(timeout)).ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var nextInbox = _startedAt + _options.InboxPollInterval;
        var reason = "cancelled";
        try
        {
            while (!_reminders.IsCancellationRequested)
            {
                var now = _options.Time.GetUtcNow();
                if (now >= nextInbox)
                {
                    try { await ReadInboxAsync().ConfigureAwait(false); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // a request being written or moved right now: read it on the next round
                    }
                    nextInbox = now + _options.InboxPollInterval;
                }
                if (IsAcknowledged) break;
                Step(now);
                var wake = _levels.Select(l => l.Activated ? l.NextReminder : _startedAt + l.Level.After).Append(nextInbox).Min();
                var delay = wake - now;
                var sleep = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _options.Time, _reminders.Token);
                Interlocked.Increment(ref _parkings);
                await sleep.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
        if (IsAcknowledged) reason = "acknowledged";
        await _case.Journal.AppendAsync(EscalationJournalKinds.Stopped, new JsonObject { ["reason"] = reason }, null, CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>Adds the levels now due and sends the reminders now due.</summary>
    private void Step(DateTimeOffset now)
    {
        foreach (var state in _levels)
        {
            if (!state.Activated)
            {
                if (now < _startedAt + state.Level.After) continue;
                state.Activated = true;
                state.NextReminder = now + state.Level.Repeat;
                Raise(new EscalationEvent(EscalationEventKind.LevelNotified, state.Level, now) { NextReminder = state.NextReminder });
                Dispatch(NoticeEvent.Alert, [state], _reminders.Token);
            }
            else if (now >= state.NextReminder)
            {
                while (state.NextReminder <= now) state.NextReminder += state.Level.Repeat;
                Raise(new EscalationEvent(EscalationEventKind.LevelReminded, state.Level, now) { NextReminder = state.NextReminder });
                Dispatch(NoticeEvent.Repeat, [state], _reminders.Token);
            }
        }
    }

    private async Task ReadInboxAsync()
    {
        foreach (var pending in _inbox.Pending())
        {
            if (pending.Request is { } request && !_journaledRequests.Contains(pending.Name))
            {
                var extra = new JsonObject
                {
                    ["request"] = pending.Name, ["requestSha256"] = pending.Sha256,
                    ["requestedAt"] = CaseTime.Format(request.RequestedAt), ["requestedBy"] = $"{request.LocalUser}@{request.Host}",
                };
                if (!await AcknowledgeAsync(request.By, "inbox", extra, CancellationToken.None).ConfigureAwait(false))
                    await _case.Journal.AppendAsync(EscalationJournalKinds.AckRepeated,
                        new JsonObject { ["by"] = request.By, ["request"] = pending.Name, ["requestSha256"] = pending.Sha256 }).ConfigureAwait(false);
            }
            else if (pending.Request is null)
            {
                await _case.Journal.AppendAsync(EscalationJournalKinds.AckRejected,
                    new JsonObject { ["request"] = pending.Name, ["requestSha256"] = pending.Sha256 }).ConfigureAwait(false);
            }
            _inbox.Archive(pending);
        }
    }

    private List<LevelState> NotifiedLevels() => _levels.Where(l => l.Activated).ToList();

    /// <summary>Starts one delivery per channel; <paramref name="retryStop"/> ends waiting and retrying (not a send in progress).</summary>
    private void Dispatch(NoticeEvent @event, IEnumerable<LevelState> levels, CancellationToken retryStop)
    {
        var now = _options.Time.GetUtcNow();
        EscalationFacts facts;
        Milestone? phase;
        string? by;
        lock (_gate) (facts, phase, by) = (_facts, _phase, _acknowledgedBy);
        facts = facts with { Anchor = _case.Journal.Last };
        foreach (var state in levels)
        foreach (var lane in state.Lanes)
        {
            if (!lane.Channel.Carries(@event)) continue;
            var text = NoticeWriter.Write(@event, phase, state.Level, lane.Target.Language, facts, _settings.DecidedBy, by, now);
            var notice = new Notice(@event, @event == NoticeEvent.Milestone ? phase : null, state.Level, lane.Target, facts, text, now);
            var delivery = lane.Enqueue(notice, isReminder: @event == NoticeEvent.Repeat, _stop.Token, retryStop);
            lock (_gate)
            {
                _deliveries.RemoveAll(t => t.IsCompleted);
                _deliveries.Add(delivery);
            }
        }
    }

    private JsonObject StartedData() => new()
    {
        ["levels"] = new JsonArray(_levels.Select(l => (JsonNode)new JsonObject
        {
            ["level"] = l.Level.Number,
            ["name"] = _settings.Secrets.Scrub(l.Level.Name),
            ["after"] = Settings.DurationText.Format(l.Level.After),
            ["repeat"] = Settings.DurationText.Format(l.Level.Repeat),
            ["targets"] = new JsonArray(l.Level.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = _settings.Secrets.Scrub(t.Name),
                ["language"] = t.Language,
                ["channels"] = new JsonArray(t.Channels.Select(c => (JsonNode)new JsonObject
                {
                    ["kind"] = c.Kind, ["host"] = _settings.Secrets.Scrub(c.Host),
                }).ToArray()),
            }).ToArray()),
        }).ToArray()),
    };

    /// <summary>How long disposing waits (real time) for sends in progress before aborting them.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stops reminders and retries, lets sends in progress finish (up to <see cref="ShutdownGrace"/>), then aborts the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _cancelRegistration.DisposeAsync().ConfigureAwait(false);
        await _reminders.CancelAsync().ConfigureAwait(false);
        await DrainAsync(ShutdownGrace).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await DrainAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (_ownsHttp) _http.Dispose();
        _reminders.Dispose();
        _stop.Dispose();
    }

    private sealed class LevelState(EscalationLevel level, List<DeliveryLane> lanes)
    {
        public EscalationLevel Level { get; } = level;
        public List<DeliveryLane> Lanes { get; } = lanes;
        public bool Activated { get; set; }
        public DateTimeOffset NextReminder { get; set; }
    }
}
