using Shodo.Escalation.Notices;

namespace Shodo.Response;

/// <summary>Tells the escalation chain that a milestone was reached; never throws, never blocks the response for long.</summary>
public interface IMilestoneNotifier
{
    Task NotifyAsync(Milestone milestone, string summary, CancellationToken ct);
}

public sealed class NoMilestoneNotifier : IMilestoneNotifier
{
    public static readonly NoMilestoneNotifier Instance = new();
    public Task NotifyAsync(Milestone milestone, string summary, CancellationToken ct) => Task.CompletedTask;
}
