using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;
using Shodo.Localization;

namespace Shodo.Containment.Actions;

/// <summary>
/// When a principal's inline policies are at IAM's size quota (an attacker can fill them on purpose), PutUserPolicy and
/// PutRolePolicy fail with LimitExceeded: the deny then goes on as the AWS managed policy AWSDenyAll (every action, every
/// credential), which needs one free attachment of the principal's ten. When even that is refused, no deny fits: a
/// person decides which of the principal's policies to detach, and the action says so (<see cref="DecisionNeededException"/>).
/// Shodo detaches nothing, so rolling this back is left to a person too, with the command.
/// </summary>
public static class DenyAllFallback
{
    public const string PolicyName = DenyAllPolicy.Name;
    /// <summary>AWSDenyAll in the commercial partition; <see cref="PolicyArnIn"/> for the principal's.</summary>
    public static readonly string PolicyArn = DenyAllPolicy.Arn;
    public static string PolicyArnIn(string partition) => DenyAllPolicy.ArnIn(partition);
    public static bool IsDenyAll(string? policyArn) => DenyAllPolicy.Is(policyArn);

    /// <summary>The partition of the principal (its ARN as read), else of the region Shodo calls.</summary>
    public static string PartitionOf(ContainmentContext c, JsonObject state) => AwsPartition.Of((string?)state["arn"], c.Aws.Region);
    public const string StateField = DenyAllPolicy.StateField;
    public const string QuotaCode = "LimitExceeded";

    public static bool Attached(JsonObject state) => (bool?)state[StateField] == true;

    /// <summary>Attaches AWSDenyAll after <paramref name="inlineRefused"/>; throws <see cref="DecisionNeededException"/> when that is refused too.</summary>
    public static async Task AttachAsync(ContainmentContext c, PlannedAction a, JsonObject state, AwsServiceError inlineRefused, CancellationToken ct)
    {
        var role = a.Target.Kind == TargetKinds.Role;
        var policyArn = PolicyArnIn(PartitionOf(c, state));
        var note = Messages.Get("ContainDenyAllFallback", a.Target.Id, inlineRefused.Code);
        try
        {
            if (role) await c.Aws.Iam().SendAsync(new AttachRolePolicy(a.Target.Id, policyArn), ct).ConfigureAwait(false);
            else await c.Aws.Iam().SendAsync(new AttachUserPolicy(a.Target.Id, policyArn), ct).ConfigureAwait(false);
        }
        catch (AwsServiceError e) when (e.Code == QuotaCode)
        {
            throw new DecisionNeededException(Messages.Get("ContainDenyNoRoom", a.Target.Id, Kind(a), c.CaseId));
        }
        var request = new JsonObject { [role ? "roleName" : "userName"] = a.Target.Id, ["policyArn"] = policyArn, ["note"] = note };
        await c.ChangedAsync(a, role ? IamOperations.AttachRolePolicy : IamOperations.AttachUserPolicy, request).ConfigureAwait(false);
    }

    /// <summary>Shodo detaches no policy: undoing the fallback is a person's command.</summary>
    public static DecisionNeededException RollbackByHand(PlannedAction a, string partition) =>
        new(Messages.Get("ContainDenyAllRollbackByHand", a.Target.Id, Kind(a), PolicyArnIn(partition)));

    private static string Kind(PlannedAction a) => a.Target.Kind == TargetKinds.Role ? "role" : "user";
}
