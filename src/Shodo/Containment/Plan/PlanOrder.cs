namespace Shodo.Containment.Plan;

/// <summary>
/// Where an action stands in the plan: phase 1 denies identities, 2 cuts their keys and holds the Auto Scaling groups that would replace stopped instances,
/// 3 secures and stops compute,
/// 4 stops what would relaunch it; steps order the actions on one target, and the actions of one step run together: an instance is
/// tagged, snapshotted and protected at once (step 0; none reads what another changes), then stopped or isolated (step 1).
/// </summary>
public readonly record struct PlanOrder(int Phase, int Step);
