using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.Kms;
using Shodo.Aws.Kms.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Revokes a KMS grant the attacker created for another account's principal (a key that decrypts a copy shared out): the
/// one approved destructive step (<see cref="Aws.Safety.ApprovedDestructiveSteps"/>). RevokeGrant cannot be undone — a grant
/// created again has a new id and token — so it is its own authority class, not granted by default, never applied by
/// <c>--yes</c> alone: the authority policy must grant <c>revoke-kms-grant</c> or an approver approve the action. The grant as
/// ListGrants shows it is the journaled before-state; the interlock lets RevokeGrant through only inside the approved step.
/// </summary>
public sealed class RevokeKmsGrant : ContainmentAction
{
    public override string Name => "revoke-kms-grant";
    public override IReadOnlyList<AwsOperation> Operations => [KmsOperations.ListGrants, KmsOperations.RevokeGrant];
    public override bool Reversible => false;

    public override string HowToReverse =>
        "cannot be re-created identically: a grant created again (aws kms create-grant with the journaled grantee, operations and " +
        "constraints) has a new id and token, and whoever held the old token cannot use it";

    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Approver;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.KmsGrant];
    public override PlanOrder OrderFor(string targetKind) => new(3, 0);

    /// <summary>Planned while the key still lists the grant, with whom it lets in and for what.</summary>
    public override JsonObject? PlanFor(PlanningTarget target) =>
        (bool?)target.State["exists"] == true && target.State["grant"] is JsonObject grant
            ? new JsonObject
            {
                ["granteePrincipal"] = grant["GranteePrincipal"]?.DeepClone(), ["retiringPrincipal"] = grant["RetiringPrincipal"]?.DeepClone(),
                ["operations"] = grant["Operations"]?.DeepClone(),
            }
            : null;

    public override string ExpectedAfter(PlannedAction a)
    {
        var (key, grant) = KmsGrantState.Ids(a.Target);
        return $"KMS key {key} no longer lists grant {grant} (for {(string?)a.Parameters["granteePrincipal"] ?? "its grantee"})";
    }

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) => KmsGrantState.ReadAsync(c, a.Target, ct);

    public override bool Holds(PlannedAction a, JsonObject state) => (bool?)state["exists"] != true;

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        var (key, grant) = KmsGrantState.Ids(a.Target);
        try
        {
            await c.Aws.Json(KmsOperations.Service, a.Target.Region).SendAsync(new RevokeGrant(key, grant), ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code is "NotFoundException" or "InvalidGrantIdException")
        {
            return; // gone already (retired by its grantee, or a retry after the first call was served): nothing was revoked now
        }
        await c.ChangedAsync(a, KmsOperations.RevokeGrant,
            new JsonObject { ["keyId"] = key, ["grantId"] = grant, ["approvedDestructiveStep"] = Name }).ConfigureAwait(false);
    }
}
