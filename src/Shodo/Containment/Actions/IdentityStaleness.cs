using System.Text.Json.Nodes;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Actions;

/// <summary>A user or role action is stale when the identity is gone or was re-created (another UserId/RoleId).</summary>
public static class IdentityStaleness
{
    public static string? Check(PlannedAction a, JsonObject state)
    {
        if ((bool?)state["exists"] != true) return $"{a.Target.Id} no longer exists";
        var field = a.Target.Kind == TargetKinds.Role ? "roleId" : "userId";
        var planned = (string?)a.Fingerprint[field];
        var now = (string?)state[field];
        return planned is not null && planned != now ? $"{a.Target.Id} was deleted and re-created (was {planned}, now {now})" : null;
    }
}
