namespace Shodo.Containment.Plan;

/// <summary>
/// Where an action stands in the plan: phase 1 cuts identities — the deny, every key Inactive, the password reset and the
/// case's tag at once (none reads what another changes: a round trip of waiting between them bought nothing) — 2 holds the
/// Auto Scaling groups and fleets that would replace stopped instances,
/// 3 secures and stops compute,
/// 4 stops what would relaunch it; steps order the actions on one target, and the actions of one step run together: an instance is
/// tagged, snapshotted and protected at once (step 0; none reads what another changes), then stopped or isolated (step 1).
/// </summary>
public readonly record struct PlanOrder(int Phase, int Step);
