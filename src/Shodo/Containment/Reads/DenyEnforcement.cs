using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Containment.Reads;

/// <summary>
/// Whether Shodo's deny is enforced, not only stored: IAM is eventually consistent, so a policy GetUserPolicy shows may
/// not apply yet. Proven with iam:SimulatePrincipalPolicy on the principal — never with the compromised credential —
/// for a session issued long before containment (so a role's TokenIssueTime deny is covered too): every action must
/// come out explicitDeny (for a deny with its own cut-off, a session issued the second before it). Where the simulation
/// cannot be run, the deny is "stored, not yet proven".
/// </summary>
public static class DenyEnforcement
{
    public const string Proven = "proven", NotYet = "not-yet", Unproven = "stored, not yet proven";

    /// <summary>What an attacker's credential would try first.</summary>
    public static IReadOnlyList<string> Probes { get; } = ["iam:CreateAccessKey", "ec2:RunInstances", "sts:AssumeRole"];

    public static async Task<string> CheckAsync(ContainmentContext c, string principalArn, CancellationToken ct, DateTimeOffset? issuedBefore = null)
    {
        // With a cut-off of its own (the role Shodo entered a member by), the session simulated is the last one it must
        // refuse — issued a second before it — never Shodo's own, issued at the cut-off or later.
        var issued = issuedBefore is { } cut ? Planning.ResponderSessionCut.Format(cut.AddSeconds(-1)) : "2000-01-02T00:00:00Z";
        try
        {
            var decisions = await c.Aws.Iam().SendAsync(new SimulatePrincipalPolicy(principalArn, Probes,
                new Dictionary<string, (string, string)> { ["aws:TokenIssueTime"] = (issued, "date") }), ct).ConfigureAwait(false);
            return decisions.Count > 0 && decisions.All(d => d.Decision == "explicitDeny") ? Proven : NotYet;
        }
        catch (AwsServiceError e) when (e.Code is "AccessDenied" or "InvalidInput" or "PolicyEvaluation" or "NoSuchEntity" || e.HttpStatus is 400 or 403)
        {
            return Unproven;
        }
    }
}
