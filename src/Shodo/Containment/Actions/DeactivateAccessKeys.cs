using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// Sets every access key of a compromised user Inactive — the keys are listed when applying, so a key
/// the attacker created after planning is caught too. Never deletes a key. Reversed by setting the
/// keys that were Active before back to Active. A key made Active again, or created, once it was done (by a credential
/// Shodo cannot reach: the root key, a protected role's session) undoes it: the next plan sets it Inactive as <c>ID#2</c>...
/// </summary>
public sealed class DeactivateAccessKeys : ContainmentAction
{
    public override string Name => "deactivate-access-keys";
    public override bool RedoneWhenUndone => true;
    public override IReadOnlyList<AwsOperation> Operations => [IamOperations.GetUser, IamOperations.ListAccessKeys, IamOperations.UpdateAccessKey];
    public override bool Reversible => true;
    public override string HowToReverse => "shodo rollback sets the keys that were Active back to Active";
    public override AuthorityLevel DefaultAuthority => AuthorityLevel.Responder;
    public override IReadOnlyList<string> AppliesTo { get; } = [TargetKinds.User];
    public override PlanOrder OrderFor(string targetKind) => new(1, 0);

    public override string ExpectedAfter(PlannedAction a) => $"every access key of {a.Target.Id} is Inactive (keys listed at apply time)";

    public override Task<JsonObject> ReadAsync(ContainmentContext c, PlannedAction a, CancellationToken ct) =>
        UserState.ReadAsync(c, a.Target.Id, keys: true, policy: false, ct);

    public override bool Holds(PlannedAction a, JsonObject state) =>
        UserState.Exists(state) && UserState.Keys(state).All(k => k.Status == "Inactive");

    public override async Task ChangeAsync(ContainmentContext c, PlannedAction a, JsonObject state, CancellationToken ct)
    {
        foreach (var (id, status) in UserState.Keys(state).Where(k => k.Status != "Inactive"))
            await SetAsync(c, a, id, "Inactive", ct).ConfigureAwait(false);
    }

    public override async Task RollbackAsync(ContainmentContext c, PlannedAction a, JsonObject before, JsonObject state, CancellationToken ct)
    {
        var wasActive = UserState.Keys(before).Where(k => k.Status == "Active").Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, status) in UserState.Keys(state).Where(k => wasActive.Contains(k.Id) && k.Status != "Active"))
            await SetAsync(c, a, id, "Active", ct).ConfigureAwait(false);
    }

    public override bool RolledBack(PlannedAction a, JsonObject before, JsonObject state)
    {
        var now = UserState.Keys(state).ToDictionary(k => k.Id, k => k.Status, StringComparer.Ordinal);
        return UserState.Keys(before).Where(k => k.Status == "Active").All(k => now.GetValueOrDefault(k.Id) == "Active");
    }

    public override string? Stale(PlannedAction a, JsonObject state) => IdentityStaleness.Check(a, state);

    private static async Task SetAsync(ContainmentContext c, PlannedAction a, string keyId, string status, CancellationToken ct)
    {
        await c.Aws.Iam().SendAsync(new UpdateAccessKey(keyId, status, a.Target.Id), ct).ConfigureAwait(false);
        await c.ChangedAsync(a, IamOperations.UpdateAccessKey,
            new JsonObject { ["userName"] = a.Target.Id, ["accessKeyId"] = keyId, ["status"] = status }).ConfigureAwait(false);
    }
}
