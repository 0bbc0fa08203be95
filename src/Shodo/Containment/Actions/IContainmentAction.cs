using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// One kind of containment change (Cloud Custodian style): it declares the AWS operations it sends,
/// whether and how it can be undone, and the authority it needs; it reads its target's state, says
/// whether the after-state holds, and makes the change. Every change must be safe to attempt again:
/// it reads first and only changes what is not yet in the after-state. Registered in <see cref="ActionRegistry"/>.
/// </summary>
public interface IContainmentAction
{
    string Name { get; }
    /// <summary>Every AWS operation the action (and its roll-back) may send, reads included.</summary>
    IReadOnlyList<AwsOperation> Operations { get; }
    bool Reversible { get; }
    string HowToReverse { get; }
    AuthorityLevel DefaultAuthority { get; }
    /// <summary>The target kinds (<see cref="TargetKinds"/>) the planner offers this action.</summary>
    IReadOnlyList<string> AppliesTo { get; }

    /// <summary>
    /// The parameters to plan the action with for this target, or null when the target's state does not call for it
    /// (no volumes to snapshot, stop protection not set). The planner asks every registered action; none is hard-wired.
    /// </summary>
    JsonObject? PlanFor(PlanningTarget target);

    /// <summary>When it runs: by phase (identities first, then compute, then what relaunches compute), then by step within a target.</summary>
    PlanOrder OrderFor(string targetKind);

    /// <summary>
    /// The action whose grant in the authority policy covers this one for a target kind: its own name, or the action it
    /// serves (a snapshot or termination protection goes with stopping; a tag with the change it marks).
    /// </summary>
    string AuthorityClass(string targetKind);

    /// <summary>The after-state in one sentence, for the plan.</summary>
    string ExpectedAfter(PlannedAction action);

    /// <summary>The target's current state as far as this action is concerned (also the before-state evidence).</summary>
    Task<JsonObject> ReadAsync(ContainmentContext context, PlannedAction action, CancellationToken ct);

    /// <summary>Whether the target is in the after-state.</summary>
    bool Holds(PlannedAction action, JsonObject state);

    /// <summary>Sends what is still needed to reach the after-state; each call sent is reported through <see cref="ContainmentContext.ChangedAsync"/>.</summary>
    Task ChangeAsync(ContainmentContext context, PlannedAction action, JsonObject state, CancellationToken ct);

    /// <summary>Restores the recorded before-state (reversible actions only).</summary>
    Task RollbackAsync(ContainmentContext context, PlannedAction action, JsonObject before, JsonObject state, CancellationToken ct);

    /// <summary>Whether the target is back in its before-state as far as this action changed it.</summary>
    bool RolledBack(PlannedAction action, JsonObject before, JsonObject state);
}
