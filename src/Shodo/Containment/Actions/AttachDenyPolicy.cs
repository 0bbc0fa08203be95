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
/// the attacker assumed: credentials issued before now stop working at once, sessions and console
/// included. The time is taken when the change is sent. Reversed by replacing it with a version that
/// denies nothing (Shodo deletes no policy; removing it is a human's choice). When the principal's inline
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
         IamOperations.ListAttachedRolePolicies, IamOperations.AttachRolePolicy];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback replaces the policy with a version that denies nothing";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User, TargetKinds.Role];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    /// <summary>
    /// A user the attacker created is denied outright; an existing user or a role only for sessions issued before the plan.
    /// A role only AWS can modify is marked as such: no policy is sent to it.
    /// </summary>
    public override JsonObject? PlanFor(PlanningTarget t)
    {
        var parameters = new JsonObject
        {
            ["policyName"] = ContainmentTags.PolicyName(t.CaseId),
            ["unconditional"] = t.Target.Kind == TargetKinds.User && t.CreatedByAttacker,
        };
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
        ? $"inline policy {a.Parameters["policyName"]} denies every action to every credential of {a.Target.Id}"
        : $"inline policy {a.Parameters["policyName"]} denies every action to {a.Target.Id}'s long-term keys and to credentials issued before containment";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        a.Target.Kind == TargetKinds.Role
            ? RoleState.ReadAsync(c, a.Target.Id, ct)
            : UserState.ReadAsync(c, a.Target.Id, keys: false, policy: true, ct);

    public override bool Holds(PlannedAction a, JsonObject state) =>
        DenyPolicyDocument.IsActiveDeny((string?)state["shodoPolicy"]) || DenyAllFallback.Attached(state);

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        // Round up and add a second: a token minted in the same second as the change must be covered too.
        var now = c.Time.GetUtcNow();
        var issuedBefore = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(2);
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
            await DenyAllFallback.AttachAsync(c, a, e, ct).ConfigureAwait(false);
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
        if (AttachedByShodo(before, state)) throw DenyAllFallback.RollbackByHand(a);
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
