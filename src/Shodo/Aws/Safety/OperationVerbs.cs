namespace Shodo.Aws.Safety;

/// <summary>
/// What an operation's name says about it. Read-only operations begin with Describe, Get, List,
/// Lookup or Head — AWS's own convention, which CloudTrail's readOnly flag follows. Two exceptions:
/// IAM's GenerateCredentialReport only asks IAM to build the account's credential report (the
/// read that follows is GetCredentialReport); it changes no identity, policy or resource. IAM's
/// SimulatePrincipalPolicy only evaluates a principal's policies (CloudTrail marks it readOnly).
/// Destructive verbs are the ones the allowlist may never contain.
/// </summary>
public static class OperationVerbs
{
    public static IReadOnlyList<string> ReadOnlyPrefixes { get; } = ["Describe", "Get", "List", "Lookup", "Head"];

    public static IReadOnlySet<string> ReadOnlyByDocumentation { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "GenerateCredentialReport", "SimulatePrincipalPolicy" };

    /// <summary>
    /// Verbs that destroy, detach or hand away something. "Cancel" is listed too: most Cancel*
    /// calls undo something (an export, an image share) and need a human; the allowlist's one
    /// Cancel (CancelSpotInstanceRequests) is an explicit, documented exception in
    /// <see cref="MutationAllowlist"/>.
    /// </summary>
    public static IReadOnlyList<string> Destructive { get; } =
        ["Delete", "Terminate", "Remove", "Detach", "Deregister", "Revoke", "Release", "Disassociate",
         "Purge", "Destroy", "Reset", "Cancel", "Abort", "Deactivate", "Schedule", "Replace"];

    public static bool IsReadOnly(string operation) =>
        ReadOnlyByDocumentation.Contains(operation) ||
        ReadOnlyPrefixes.Any(p => StartsWithVerb(operation, p));

    public static string? DestructiveVerb(string operation) =>
        Destructive.FirstOrDefault(v => StartsWithVerb(operation, v));

    /// <summary>"Describe" matches DescribeRegions, not "Describer"; the verb must end at an upper-case letter.</summary>
    private static bool StartsWithVerb(string operation, string verb) =>
        operation.StartsWith(verb, StringComparison.Ordinal) &&
        (operation.Length == verb.Length || char.IsUpper(operation[verb.Length]) || char.IsDigit(operation[verb.Length]));
}
