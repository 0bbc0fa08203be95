using Shodo.Escalation.Loop;
using Shodo.Localization;

namespace Shodo.Response;

/// <summary>
/// The escalation loop seen as waits: each level notified is a <see cref="WaitingItem"/> "waiting for
/// acknowledgement from level N (name): its people", with the notices sent and the attempts failed so
/// far and the next reminder; an acknowledgement clears them all. Attach it before the loop starts.
/// </summary>
public sealed class EscalationWaiting
{
    public const string Step = "escalate";

    private readonly IResponseProgress _progress;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, WaitingItem> _levels = [];
    private readonly Dictionary<int, (int Sent, int Failed)> _counts = [];
    private bool _acknowledged;

    private EscalationWaiting(IResponseProgress progress) => _progress = progress;

    public static EscalationWaiting Attach(EscalationLoop loop, IResponseProgress progress)
    {
        var waiting = new EscalationWaiting(progress);
        loop.Changed += waiting.On;
        return waiting;
    }

    public static string IdOf(int level) => $"escalate:level-{level}";

    private void On(EscalationEvent e)
    {
        lock (_gate)
        {
            if (_acknowledged) return;
            if (e.Kind == EscalationEventKind.Acknowledged)
            {
                _acknowledged = true;
                foreach (var level in _levels.Keys.Order()) _progress.WaitingCleared(IdOf(level));
                return;
            }
            if (e.Level is not { } l) return;
            var (sent, failed) = _counts.GetValueOrDefault(l.Number);
            _counts[l.Number] = (sent + (e.Kind == EscalationEventKind.Sent ? 1 : 0), failed + (e.Kind == EscalationEventKind.Failed ? 1 : 0));
            var item = _levels.GetValueOrDefault(l.Number) ?? new WaitingItem(IdOf(l.Number), Step, WaitingKind.Acknowledgement,
                Messages.Get("LiveWhomLevel", l.Number, l.Name, string.Join(", ", l.Targets.Select(t => t.Name))), "", e.At);
            if (e.NextReminder is { } next) item = item with { NextReminder = next };
            var (s, f) = _counts[l.Number];
            item = item with { What = f == 0 ? Messages.Get("LiveAckWhat", s) : Messages.Get("LiveAckWhatFailed", s, f) };
            _levels[l.Number] = item;
            _progress.Waiting(item);
        }
    }
}
