using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;
using Shodo.Aws.Organizations.Model;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>
/// From the management account, a service control policy on a member account the attacker reached: it denies the
/// attacker's users there outright and the sessions of the roles it assumed issued before now (<see cref="ScpDenyDocument"/>),
/// whatever their identity policies say — the only lever over Identity Center roles and a member's root user. One policy
/// per case and account (<c>ShodoContainment-CASE-ACCOUNT</c>), created and attached; the before-state is the account's
/// attached SCPs. A re-run finds the policy by name (an answer lost after CreatePolicy) and only attaches or widens it.
/// Rolled back, its content denies nothing; it stays attached (Shodo detaches and deletes no policy). Its own authority
/// class: an organisation-wide lever waits for an approver unless the authority policy grants <c>deny-by-scp</c>.
/// The target's planning state names the principals: <c>attackerUsers</c> and <c>attackerRoles</c> (ARNs in that account).
/// Where Shodo itself entered the account by a denied role, the plan carries the cut-off <c>issuedBefore</c>: Shodo's own
/// session's issue time there (AWS's clock), so its response in that account goes on; elsewhere the cut-off is the change.
/// </summary>
public sealed class DenyByScp : ContainmentAction
{
    public override string Name => "deny-by-scp";

    public override IReadOnlyList<AwsOperation> Operations =>
    [
        OrganizationsOperations.ListPoliciesForTarget, OrganizationsOperations.ListPolicies, OrganizationsOperations.DescribePolicy,
        OrganizationsOperations.CreatePolicy, OrganizationsOperations.AttachPolicy, OrganizationsOperations.UpdatePolicy,
    ];

    public override bool Reversible => true;
    public override string HowToReverse =>
        "shodo rollback replaces Shodo's SCP with one that denies nothing; it stays attached (detach it with 'aws organizations detach-policy' when a person decides)";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.OrganizationAccount];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    public static string PolicyName(string caseId, string accountId) => $"{ContainmentTags.PolicyName(caseId)}-{accountId}";

    public override JsonObject? PlanFor(PlanningTarget target)
    {
        var users = Arns(target.State["attackerUsers"]);
        var roles = Arns(target.State["attackerRoles"]);
        if (users.Count == 0 && roles.Count == 0) return null;
        var parameters = new JsonObject
        {
            ["policyName"] = PolicyName(target.CaseId, target.Target.Id),
            ["users"] = new JsonArray(users.Select(u => (JsonNode)u).ToArray()),
            ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
        };
        // Shodo entered the account by one of these roles: its own session there is spared, as the member's own deny spares it.
        if (target.IssuedBefore is { } cut) parameters[Planning.ResponderSessionCut.Parameter] = Planning.ResponderSessionCut.Format(cut);
        return parameters;
    }

    public override string ExpectedAfter(PlannedAction a) =>
        $"SCP {PolicyOf(a)} attached to account {a.Target.Id}: denies {string.Join(", ", Users(a).DefaultIfEmpty("no user"))} outright " +
        $"and sessions of {string.Join(", ", Roles(a).DefaultIfEmpty("no role"))} issued before " +
        (Planning.ResponderSessionCut.Of(a) is { } cut ? $"{Planning.ResponderSessionCut.Format(cut)} (Shodo's own session there)" : "the change");

    /// <summary>
    /// A later plan that names more of the attacker's principals there (the investigation after the pursuit, the watch) widens
    /// the policy under a new id; while it still names them all, the one done last stands.
    /// </summary>
    public override bool RedoneWhenUndone => true;

    public override async Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct)
    {
        var org = c.Aws.Json(OrganizationsOperations.Service);
        IReadOnlyList<OrganizationPolicy> attached;
        try { attached = await org.ListAllAsync(new ListPoliciesForTarget(a.Target.Id), ct).ConfigureAwait(false); }
        catch (AwsServiceError e) when (e.Code == "TargetNotFoundException")
        {
            return new JsonObject { ["exists"] = false, ["accountId"] = a.Target.Id };
        }
        var ours = attached.FirstOrDefault(p => p.Name == PolicyOf(a))
                   ?? (await org.ListAllAsync(new ListPolicies(), ct).ConfigureAwait(false)).FirstOrDefault(p => p.Name == PolicyOf(a));
        var state = new JsonObject
        {
            ["exists"] = true, ["accountId"] = a.Target.Id,
            ["attached"] = new JsonArray(attached.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()),
        };
        if (ours is not null)
        {
            var described = await org.SendAsync(new DescribePolicy(ours.Id), ct).ConfigureAwait(false);
            state["policy"] = new JsonObject
            {
                ["id"] = ours.Id, ["attached"] = attached.Any(p => p.Id == ours.Id), ["content"] = described.Content,
            };
        }
        return state;
    }

    public override bool Holds(PlannedAction a, JsonObject state) =>
        state["policy"] is JsonObject p && (bool?)p["attached"] == true && ScpDenyDocument.Covers((string?)p["content"], Users(a), Roles(a));

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var org = c.Aws.Json(OrganizationsOperations.Service);
        var content = ScpDenyDocument.Build(Users(a), Roles(a), Planning.ResponderSessionCut.Of(a) ?? c.Time.GetUtcNow());
        var policy = state["policy"] as JsonObject;
        var id = (string?)policy?["id"];
        if (id is null)
        {
            try
            {
                id = (await org.SendAsync(new CreatePolicy(PolicyOf(a), $"Shodo containment, case {c.CaseId}", content), ct).ConfigureAwait(false)).Id;
            }
            catch (AwsServiceError e) when (e.Code == "DuplicatePolicyException")
            {
                id = (await org.ListAllAsync(new ListPolicies(), ct).ConfigureAwait(false)).First(p => p.Name == PolicyOf(a)).Id;
                await UpdateAsync(c, a, org, id, content, ct).ConfigureAwait(false);
            }
            await c.ChangedAsync(a, OrganizationsOperations.CreatePolicy, new JsonObject { ["name"] = PolicyOf(a), ["policyId"] = id }).ConfigureAwait(false);
        }
        else if (!ScpDenyDocument.Covers((string?)policy!["content"], Users(a), Roles(a)))
            await UpdateAsync(c, a, org, id, content, ct).ConfigureAwait(false);

        if ((bool?)policy?["attached"] == true) return;
        try { await org.SendAsync(new AttachPolicy(id, a.Target.Id), ct).ConfigureAwait(false); }
        catch (AwsServiceError e) when (e.Code == "DuplicatePolicyAttachmentException") { return; }
        await c.ChangedAsync(a, OrganizationsOperations.AttachPolicy, new JsonObject { ["policyId"] = id, ["targetId"] = a.Target.Id }).ConfigureAwait(false);
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (state["policy"] is not JsonObject p || !ScpDenyDocument.IsActive((string?)p["content"])) return;
        await UpdateAsync(c, a, c.Aws.Json(OrganizationsOperations.Service), (string)p["id"]!, DenyPolicyDocument.RolledBack(), ct).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        state["policy"] is not JsonObject p || !ScpDenyDocument.IsActive((string?)p["content"]);

    public override string? Stale(PlannedAction a, JsonObject state) =>
        (bool?)state["exists"] == true ? null : $"account {a.Target.Id} is not in the organisation";

    private static async Task UpdateAsync(ContainmentContext c, PlannedAction a, Aws.Protocols.JsonClient org, string id, string content,
        CancellationToken ct)
    {
        await org.SendAsync(new UpdatePolicy(id, content), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, OrganizationsOperations.UpdatePolicy, new JsonObject { ["policyId"] = id, ["content"] = content }).ConfigureAwait(false);
    }

    private static string PolicyOf(PlannedAction a) => (string?)a.Parameters["policyName"] ?? "";
    private static List<string> Users(PlannedAction a) => Arns(a.Parameters["users"]);
    private static List<string> Roles(PlannedAction a) => Arns(a.Parameters["roles"]);

    private static List<string> Arns(JsonNode? node) =>
        node is JsonArray list ? list.Select(v => (string?)v).OfType<string>().Where(v => v.Length > 0).Distinct().ToList() : [];
}
