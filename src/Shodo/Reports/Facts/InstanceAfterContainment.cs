using System.Text.Json.Nodes;
using Shodo.Investigation.Model;
using Shodo.Containment.Record;

namespace Shodo.Reports.Facts;

/// <summary>
/// One attacker instance as containment left it: <see cref="Status"/> is <c>stopped</c>, <c>isolated-running</c>
/// (moved into the rule-less quarantine group, still running and billing: terminating is a person's decision),
/// <c>waiting-for-decision</c> (an action waits for approval or a decision), <c>not-contained</c> (an action failed)
/// or <c>as-seen</c> (no action touched it: its state is the one the investigation saw).
/// </summary>
public sealed record InstanceAfterContainment(InstanceCost Instance, string Status, string? State, string? StateBefore)
{
    public const string Stopped = "stopped";
    public const string IsolatedRunning = "isolated-running";
    public const string WaitingForDecision = "waiting-for-decision";
    public const string NotContained = "not-contained";
    public const string AsSeen = "as-seen";

    /// <summary>Still running, so still billing per hour.</summary>
    public bool Billing => Status switch
    {
        Stopped => false,
        IsolatedRunning => true,
        AsSeen => State is "running" or "pending",
        _ => State is "running" or "pending" or null,
    };

    /// <summary>Stopped by containment while it was running: its hourly price is no longer spent.</summary>
    public bool StoppedWhileRunning => Status == Stopped && StateBefore is "running" or "pending";

    /// <summary>Each instance of the cost estimate with what the recorded containment actions say of it now.</summary>
    public static IReadOnlyList<InstanceAfterContainment> Of(IReadOnlyList<InstanceCost> instances, ContainmentFacts containment) =>
        instances.Select(i => Of(i, containment.Actions.Where(a => !a.RolledBack && Targets(a, i)).ToList())).ToList();

    private static InstanceAfterContainment Of(InstanceCost i, IReadOnlyList<RecordedAction> actions)
    {
        var stop = actions.FirstOrDefault(a => IsStop(a) && a.Outcome is "done" or "already-done");
        var before = actions.Select(a => StateIn(a.Before)).FirstOrDefault(s => s is not null) ?? i.State;
        if (stop is not null) return new(i, Stopped, StateIn(stop.After) ?? "stopped", before);
        if (actions.FirstOrDefault(a => a.ActionId.StartsWith("isolate-instance", StringComparison.Ordinal) && a.Outcome is "done" or "already-done" or "needs-decision") is { } isolated)
            return new(i, IsolatedRunning, StateIn(isolated.After) ?? before ?? "running", before);
        if (actions.Any(a => a.NeedsPerson)) return new(i, WaitingForDecision, before, before);
        if (actions.Any(a => a.Outcome is "failed" || (IsStop(a) && a.Outcome is null))) return new(i, NotContained, before, before);
        return new(i, AsSeen, i.State, before);
    }

    private static bool IsStop(RecordedAction a) =>
        a.ActionId.StartsWith("stop-instance", StringComparison.Ordinal) || a.Operation?.EndsWith("StopInstances", StringComparison.Ordinal) == true;

    /// <summary>An action's target names the instance by its id, in its region when the target says one.</summary>
    private static bool Targets(RecordedAction a, InstanceCost i) =>
        a.Target is { } t && t.EndsWith(":" + i.ResourceId, StringComparison.Ordinal) && t.Contains(i.Region, StringComparison.Ordinal);

    private static string? StateIn(JsonNode? state) => state is JsonObject o && o["state"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
