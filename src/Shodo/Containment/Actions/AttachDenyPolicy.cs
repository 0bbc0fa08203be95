using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Puts Shodo's inline deny policy (<see cref="DenyPolicyDocument"/>) on a compromised user or on a role
/// the attacker assumed. A user is denied outright, every credential derived from it included: its keys,
/// sessions minted before or after (no policy can stop an Active key's sts:GetSessionToken, so a deny limited
/// to tokens issued before a cut-off would spare a session minted a second later) and console sessions,
/// whichever of the key, the password and this deny is applied first or waits for approval. A role is denied
/// for sessions issued before now (its time taken when the change is sent). Reversed by replacing it with a
/// version that denies nothing (Shodo deletes no policy; removing it is a human's choice).
/// </summary>
public sealed class AttachDenyPolicy : ContainmentAction
{
    public override string Name => "attach-deny-policy";
    public override IReadOnlyList<AwsOperation> Operations =>
        [IamOperations.GetUser, IamOperations.GetUserPolicy, IamOperations.PutUserPolicy,
         IamOperations.GetRole, IamOperations.GetRolePolicy, IamOperations.PutRolePolicy, IamOperations.SimulatePrincipalPolicy];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback replaces the policy with a version that denies nothing";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User, TargetKinds.Role];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    /// <summary>A user — created by the attacker or not — is denied outright; a role only for sessions issued before the change.</summary>
    public override JsonObject? PlanFor(PlanningTarget t) => new()
    {
        ["policyName"] = ContainmentTags.PolicyName(t.CaseId),
        ["unconditional"] = t.Target.Kind == TargetKinds.User,
    };

    public override string ExpectedAfter(PlannedAction a) => (bool?)a.Parameters["unconditional"] == true
        ? $"inline policy {a.Parameters["policyName"]} denies every action to every credential of {a.Target.Id}: " +
          "its keys, sessions minted before or after containment (GetSessionToken cannot be denied, what its sessions do can) and console sessions"
        : $"inline policy {a.Parameters["policyName"]} denies every action to {a.Target.Id}'s long-term keys and to credentials issued before containment";

    /// <summary>
    /// The principal with Shodo's policy as stored and, once it is there, whether it is enforced (<see cref="DenyEnforcement"/>:
    /// IAM is eventually consistent, so the after-state is waited for until the simulation shows it, within the settle time).
    /// </summary>
    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        var state = a.Target.Kind == TargetKinds.Role
            ? await RoleState.ReadAsync(c, a.Target.Id, ct).ConfigureAwait(false)
            : await UserState.ReadAsync(c, a.Target.Id, keys: false, policy: true, ct).ConfigureAwait(false);
        if (DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]) && (string?)state["arn"] is { } arn)
            state["enforcement"] = await DenyEnforcement.CheckAsync(c, arn, ct).ConfigureAwait(false);
        return state;
    }

    /// <summary>Stored, and not shown unenforced: proven, or — where no simulation can be run — stored, not yet proven.</summary>
    public override bool Holds(PlannedAction a, JsonObject state) =>
        DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]) && (string?)state["enforcement"] != DenyEnforcement.NotYet;

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        // Round up and add a second: a token minted in the same second as the change must be covered too.
        var now = c.Time.GetUtcNow();
        var issuedBefore = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
        var document = DenyPolicyDocument.Build(issuedBefore, (bool?)a.Parameters["unconditional"] == true,
            longTermKeys: a.Target.Kind == TargetKinds.User);
        await PutAsync(c, a, document, ct).ConfigureAwait(false);
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]))
            await PutAsync(c, a, DenyPolicyDocument.RolledBack(), ct).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        !DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]);

    public override string? Stale(PlannedAction a, JsonObject state) => IdentityStaleness.Check(a, state);

    private static async Task PutAsync(ContainmentContext c, PlannedAction a, string document, CancellationToken ct)
    {
        var name = ContainmentTags.PolicyName(c.CaseId);
        var request = new JsonObject { ["policyName"] = name, ["policyDocument"] = document };
        if (a.Target.Kind == TargetKinds.Role)
        {
            await c.Aws.Iam().SendAsync(new PutRolePolicy(a.Target.Id, name, document), ct).ConfigureAwait(false);
            request["roleName"] = a.Target.Id;
            await c.ChangedAsync(a, IamOperations.PutRolePolicy, request).ConfigureAwait(false);
        }
        else
        {
            await c.Aws.Iam().SendAsync(new PutUserPolicy(a.Target.Id, name, document), ct).ConfigureAwait(false);
            request["userName"] = a.Target.Id;
            await c.ChangedAsync(a, IamOperations.PutUserPolicy, request).ConfigureAwait(false);
        }
    }
}
