using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;

namespace Shodo.Response;

/// <summary>Milestones of the response go to everyone the escalation loop has notified so far, with the step's summary.</summary>
public sealed class EscalationMilestones(EscalationLoop loop, Func<EscalationFacts> facts) : IMilestoneNotifier
{
    public async Task NotifyAsync(Milestone milestone, string summary, CancellationToken ct)
    {
        var current = facts();
        await loop.NotifyMilestoneAsync(milestone, current with { Details = [.. current.Details, summary] }, ct).ConfigureAwait(false);
    }
}
