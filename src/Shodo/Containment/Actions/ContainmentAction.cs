using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>Defaults for actions that cannot be undone (their roll-back sends nothing).</summary>
public abstract class ContainmentAction : IContainmentAction
{
    public abstract string Name { get; }
    public abstract IReadOnlyList<AwsOperation> Operations { get; }
    public abstract bool Reversible { get; }
    public abstract string HowToReverse { get; }
    public abstract AuthorityLevel DefaultAuthority { get; }
    public abstract IReadOnlyList<string> AppliesTo { get; }
    public abstract PlanOrder OrderFor(string targetKind);

    /// <summary>Planned with no parameters for every target it applies to, unless the action says otherwise.</summary>
    public virtual JsonObject? PlanFor(PlanningTarget target) => new();

    public virtual string AuthorityClass(string targetKind) => Name;
    public abstract string ExpectedAfter(PlannedAction action);
    public abstract Task<JsonObject> ReadAsync(ContainmentContext context, PlannedAction action, CancellationToken ct);
    public abstract bool Holds(PlannedAction action, JsonObject state);
    public abstract Task ChangeAsync(ContainmentContext context, PlannedAction action, JsonObject state, CancellationToken ct);

    public virtual Task RollbackAsync(ContainmentContext context, PlannedAction action, JsonObject before, JsonObject state,
        CancellationToken ct) => Task.CompletedTask;

    public virtual bool RolledBack(PlannedAction action, JsonObject before, JsonObject state) => true;

    /// <summary>
    /// Whether a later plan does it again, under a new id (<see cref="Plan.RedoneActionId"/>), when the target's state calls for
    /// it once more after it was done — the attacker re-opened what was closed with a credential not yet contained.
    /// </summary>
    public virtual bool RedoneWhenUndone => false;

    /// <summary>Why the plan no longer fits the target (deleted, re-created, terminated, moved), or null.</summary>
    public virtual string? Stale(PlannedAction action, JsonObject state) => null;
}
