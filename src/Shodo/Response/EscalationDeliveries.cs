using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;
using Shodo.Localization;

namespace Shodo.Response;

/// <summary>
/// What the escalation loop delivered and what it could not, as notes at once (not only in the
/// journal): the first notice of a level delivered on each channel, and a delivery that came through
/// after failing; each notice's first failure with its reason and the retry, and its last; and, once
/// per level, a loud note when every channel of the level has failed and none delivered — nobody
/// has been told, and the responder must tell them. Reminders and milestones delivered as expected
/// only count (<see cref="EscalationWaiting"/>). Attach it before the loop starts.
/// </summary>
public sealed class EscalationDeliveries : IDisposable
{
    private readonly EscalationLoop _loop;
    private readonly IResponseProgress _progress;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, LevelDeliveries> _levels = [];

    private EscalationDeliveries(EscalationLoop loop, IResponseProgress progress)
    {
        _loop = loop;
        _progress = progress;
    }

    public static EscalationDeliveries Attach(EscalationLoop loop, IResponseProgress progress)
    {
        var deliveries = new EscalationDeliveries(loop, progress);
        loop.Changed += deliveries.On;
        return deliveries;
    }

    /// <summary>No more notes (the command is printing its last line).</summary>
    public void Dispose() => _loop.Changed -= On;

    private void On(EscalationEvent e)
    {
        if (e.Level is not { } level || e.Kind is not (EscalationEventKind.Sent or EscalationEventKind.Failed)) return;
        lock (_gate)
        {
            if (!_levels.TryGetValue(level.Number, out var state)) _levels[level.Number] = state = new LevelDeliveries();
            var failedBefore = state.Failing.Contains(e.Lane);
            if (e.Kind == EscalationEventKind.Sent)
            {
                state.Delivered = true;
                state.Failing.Remove(e.Lane);
                if (e.Notice == NoticeEvent.Alert || failedBefore) Note(level, "EscalationDelivered", e.Target, e.Channel, e.Host);
                return;
            }
            state.Failing.Add(e.Lane);
            if (e.RetryAt is { } retryAt && e.Attempt == 1)
                Note(level, "EscalationNotDelivered", e.Target, e.Channel, e.Host, e.Error, DurationText.Format(retryAt - e.At));
            else if (e.RetryAt is null)
                Note(level, "EscalationNotDeliveredGaveUp", e.Target, e.Channel, e.Host, e.Error);
            if (!state.Delivered && !state.Warned && state.Failing.Count == level.Targets.Sum(t => t.Channels.Count))
            {
                state.Warned = true;
                Note(level, "EscalationNobodyReached", string.Join(", ", level.Targets.Select(t => t.Name)));
            }
        }
    }

    private void Note(EscalationLevel level, string key, params object?[] args) =>
        _progress.Note(EscalationWaiting.Step, Messages.Get("EscalationLevelNote", level.Number, level.Name, Messages.Get(key, args)));

    private sealed class LevelDeliveries
    {
        /// <summary>Channels whose latest attempt failed.</summary>
        public HashSet<int> Failing { get; } = [];
        public bool Delivered { get; set; }
        public bool Warned { get; set; }
    }
}
