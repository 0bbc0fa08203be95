using System.Text.Json.Nodes;
using Shodo.Aws.Safety;
using Shodo.Containment.Actions;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Apply;

/// <summary>
/// Sends an action's change; for an approved destructive step (<see cref="ApprovedDestructiveSteps"/>: revoke-kms-grant) the
/// interlock lets its own operation through only here, and only when <paramref name="approved"/> — the authority policy
/// granted the action, or an approver's approval of it is journaled. Unapproved, it runs with the interlock closed (refused).
/// </summary>
public static class ApprovedStep
{
    public static async Task ChangeAsync(IContainmentAction action, ContainmentContext context, PlannedAction a, JsonObject state,
        bool approved, CancellationToken ct)
    {
        if (!approved || ApprovedDestructiveSteps.For(action.Name) is not { } step)
        {
            await action.ChangeAsync(context, a, state, ct).ConfigureAwait(false);
            return;
        }
        using (ApprovedDestructiveSteps.Enter(step)) await action.ChangeAsync(context, a, state, ct).ConfigureAwait(false);
    }
}
