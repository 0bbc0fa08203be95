using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// A compromised user's console password — whether the attacker created or changed it, or it was the owner's — is
/// made to need a reset at the next sign-in (UpdateLoginProfile PasswordResetRequired=true), never deleted: the login
/// profile, its creation date and the password stay, and the before-state is journaled. Whoever knows the password
/// must then change it to sign in, which needs iam:ChangePassword — refused by Shodo's deny on the user, which also
/// refuses every console session already open. Planned only for a user with a login profile; it goes with the keys
/// (same authority class: the password is a credential too). Reversed by clearing the flag if it was clear before.
/// </summary>
public sealed class RequirePasswordReset : ContainmentAction
{
    public override string Name => "require-password-reset";
    public override IReadOnlyList<AwsOperation> Operations =>
        [IamOperations.GetUser, IamOperations.GetLoginProfile, IamOperations.UpdateLoginProfile];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback clears PasswordResetRequired if it was clear before";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);
    public override string AuthorityClass(string targetKind) => "deactivate-access-keys";

    public override JsonObject? PlanFor(PlanningTarget t) =>
        UserState.LoginProfile(t.State) is { } profile
            ? new JsonObject { ["resetRequiredBefore"] = (bool?)profile["passwordResetRequired"] == true }
            : null;

    public override string ExpectedAfter(PlannedAction a) =>
        $"{a.Target.Id}'s console password must be reset at the next sign-in, which Shodo's deny refuses " +
        "(the login profile and its password are kept, not deleted)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        UserState.ReadAsync(c, a.Target.Id, keys: false, policy: false, ct, login: true);

    /// <summary>Holds when a reset is required — or when the user has no console password any more (nothing to sign in with).</summary>
    public override bool Holds(PlannedAction a, JsonObject state) =>
        UserState.Exists(state) && (UserState.LoginProfile(state) is not { } p || (bool?)p["passwordResetRequired"] == true);

    public override Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct) =>
        SetAsync(c, a, true, ct);

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        if (!RolledBack(a, before, state)) await SetAsync(c, a, false, ct).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state) =>
        (bool?)UserState.LoginProfile(before)?["passwordResetRequired"] == true
        || UserState.LoginProfile(state) is not { } now || (bool?)now["passwordResetRequired"] != true;

    public override string? Stale(PlannedAction a, JsonObject state) => IdentityStaleness.Check(a, state);

    private static async Task SetAsync(ContainmentContext c, PlannedAction a, bool required, CancellationToken ct)
    {
        await c.Aws.Iam().SendAsync(new UpdateLoginProfile(a.Target.Id, required), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, IamOperations.UpdateLoginProfile,
            new JsonObject { ["userName"] = a.Target.Id, ["passwordResetRequired"] = required }).ConfigureAwait(false);
    }
}
