using System.Text.Json.Nodes;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Scenarios;

/// <summary>
/// The break-glass responder role a scenario declares (<see cref="ResponderSpec"/>), as a responder must use it: the
/// role's ARN, the external id its trust asks for and the MFA device of the user <c>responder</c>.
/// </summary>
public sealed record ResponderRole(string RoleArn, string? ExternalId, string? MfaSerial)
{
    /// <summary>The policy the user <c>responder</c> keeps: assume the role, and nothing else.</summary>
    public const string AssumeOnlyPolicyName = "assume-break-glass-only";

    /// <summary>
    /// Takes the user <c>responder</c>'s own rights away but the right to assume the role, and gives it an MFA device when
    /// the scenario says so. The role itself (trust, policies) is the scenario's, under <c>iam.roles</c>.
    /// </summary>
    internal static void Seed(RangeState state, ResponderSpec spec, DateTimeOffset at)
    {
        var role = state.Iam.Role(spec.Role) ?? throw new ScenarioException($"responder: no role {spec.Role} under iam.roles");
        var user = state.Iam.User(RangeHost.ResponderUserName)!;
        user.AttachedPolicyArns.Clear();
        user.InlinePolicies[AssumeOnlyPolicyName] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = "sts:AssumeRole", ["Resource"] = role.Arn }),
        }.ToJsonString();
        if (spec.Mfa) user.MfaDevices.Add(new MfaDevice(MfaSerialOf(state), at));
    }

    internal static ResponderRole? Of(RangeState state, ResponderSpec? spec)
    {
        if (spec is null) return null;
        lock (state.Sync)
            return new ResponderRole(state.Iam.Role(spec.Role)!.Arn, spec.ExternalId, spec.Mfa ? MfaSerialOf(state) : null);
    }

    private static string MfaSerialOf(RangeState state) => state.IamArn("mfa", "/", RangeHost.ResponderUserName);
}
