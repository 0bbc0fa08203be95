using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
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
/// for sessions issued before now (its time taken when the change is sent) — except the role Shodo entered a member by,
/// denied for sessions issued before Shodo's own (the plan's issuedBefore, <see cref="Planning.ResponderSessionCut"/>). Reversed by replacing it with a
/// version that denies nothing (Shodo deletes no policy; removing it is a human's choice). When the principal's inline
/// policies are at IAM's quota, AWSDenyAll is attached instead (<see cref="DenyAllFallback"/>); a role only AWS
/// can modify gets no policy at all and becomes a person's decision at once (<see cref="ProtectedRole"/>).
/// </summary>
public sealed class AttachDenyPolicy : ContainmentAction
{
    public override string Name => "attach-deny-policy";
    public override IReadOnlyList<AwsOperation> Operations =>
        [IamOperations.GetUser, IamOperations.GetUserPolicy, IamOperations.PutUserPolicy,
         IamOperations.GetRole, IamOperations.GetRolePolicy, IamOperations.PutRolePolicy,
         IamOperations.ListAttachedUserPolicies, IamOperations.AttachUserPolicy,
         IamOperations.ListAttachedRolePolicies, IamOperations.AttachRolePolicy, IamOperations.SimulatePrincipalPolicy];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback replaces the policy with a version that denies nothing";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User, TargetKinds.Role];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    /// <summary>
    /// A user — created by the attacker or not — is denied outright; a role only for sessions issued before the change.
    /// A role only AWS can modify is marked as such: no policy is sent to it.
    /// </summary>
    public override JsonObject? PlanFor(PlanningTarget t)
    {
        var parameters = new JsonObject
        {
            ["policyName"] = ContainmentTags.PolicyName(t.CaseId),
            ["unconditional"] = t.Target.Kind == TargetKinds.User,
        };
        if (t.IssuedBefore is { } cut) parameters[Planning.ResponderSessionCut.Parameter] = Planning.ResponderSessionCut.Format(cut);
        if (t.Target.Kind == TargetKinds.Role && ProtectedRole.KindOf(t.Target.Id, (string?)t.State["path"]) is { } kind)
        {
            parameters["protected"] = kind;
            parameters["roleArn"] = (string?)t.State["arn"];
        }
        return parameters;
    }

    public override string ExpectedAfter(PlannedAction a) => (string?)a.Parameters["protected"] is { } kind
        ? $"no policy: {a.Target.Id} is an AWS-protected {kind} role; a person decides between an SCP from the management account and removing its assignment"
        : (bool?)a.Parameters["unconditional"] == true
        ? $"inline policy {a.Parameters["policyName"]} denies every action to every credential of {a.Target.Id}: " +
          "its keys, sessions minted before or after containment (GetSessionToken cannot be denied, what its sessions do can) and console sessions"
        : Planning.ResponderSessionCut.Of(a) is { } cut
        ? $"inline policy {a.Parameters["policyName"]} denies every action to {a.Target.Id}'s sessions issued before {Planning.ResponderSessionCut.Format(cut)}, " +
          "when AWS issued Shodo's own session of it: the attacker's earlier sessions are refused, Shodo's keeps working"
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
            state["enforcement"] = await DenyEnforcement.CheckAsync(c, arn, ct, Planning.ResponderSessionCut.Of(a)).ConfigureAwait(false);
        return state;
    }

    /// <summary>Stored and not shown unenforced (proven, or — where no simulation can be run — stored, not yet proven); or AWSDenyAll attached.</summary>
    public override bool Holds(PlannedAction a, JsonObject state) =>
        (DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]) && (string?)state["enforcement"] != DenyEnforcement.NotYet)
        || DenyAllFallback.Attached(state);

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        // Round up and add a second: a token minted in the same second as the change must be covered too.
        // The role Shodo entered a member by carries its own cut-off: Shodo's own session's issue time, by AWS's clock.
        var now = c.Time.GetUtcNow();
        var issuedBefore = Planning.ResponderSessionCut.Of(a)
            ?? new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
        if ((string?)a.Parameters["protected"] is { } kind)
            throw new DecisionNeededException(ProtectedRole.Decision(a.Target.Id, kind, (string?)a.Parameters["roleArn"] ?? (string?)state["arn"] ?? a.Target.Id,
                issuedBefore, c.CaseId));
        var document = DenyPolicyDocument.Build(issuedBefore, (bool?)a.Parameters["unconditional"] == true,
            longTermKeys: a.Target.Kind == TargetKinds.User);
        try
        {
            await PutAsync(c, a, document, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code == DenyAllFallback.QuotaCode)
        {
            await DenyAllFallback.AttachAsync(c, a, state, e, ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code == ProtectedRole.RefusedCode && a.Target.Kind == TargetKinds.Role)
        {
            // A role IAM protects though its path did not say so when planned: the same decision.
            throw new DecisionNeededException(ProtectedRole.Decision(a.Target.Id,
                ProtectedRole.KindOf(a.Target.Id, null) ?? ProtectedRole.ServiceLinked, (string?)state["arn"] ?? a.Target.Id, issuedBefore, c.CaseId));
        }
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]))
            await PutAsync(c, a, DenyPolicyDocument.RolledBack(), ct).ConfigureAwait(false);
        if (AttachedByShodo(before, state)) throw DenyAllFallback.RollbackByHand(a, DenyAllFallback.PartitionOf(c, state));
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        !DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]) && !AttachedByShodo(before, state);

    private static bool AttachedByShodo(JsonObject before, JsonObject state) =>
        DenyAllFallback.Attached(state) && !DenyAllFallback.Attached(before);

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
