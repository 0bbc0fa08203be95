namespace Shodo.Aws.Safety;

/// <summary>
/// The destructive operations Shodo may send only as a separate, explicit, approved step that names them (the design's
/// "never delete" exception): not on <see cref="MutationAllowlist"/>, so the interlock refuses each of them everywhere except
/// inside <see cref="Enter"/>'s scope for its own step, which containment opens only for an action the authority policy
/// granted or an approver approved. Each is counted apart from destructive calls (the drill's
/// <c>approved_destructive_steps</c>). Kept to one entry on purpose.
/// </summary>
public static class ApprovedDestructiveSteps
{
    public static IReadOnlyList<ApprovedDestructiveStep> Entries { get; } =
    [
        new("revoke-kms-grant", AwsOperation.Of("kms", "RevokeGrant"),
            "Revoke a KMS grant the attacker created for another account's principal, which lets that account decrypt a copy " +
            "shared out. It cannot be undone: a grant created again has a new id and token. Sent only when the authority policy " +
            "grants revoke-kms-grant or an approver approved the action; the grant as ListGrants showed it is journaled first."),
    ];

    public static IReadOnlySet<string> Keys { get; } = Entries.Select(e => e.Operation.Key).ToHashSet(StringComparer.Ordinal);

    private static readonly AsyncLocal<ApprovedDestructiveStep?> Current = new();

    /// <summary>The step named <paramref name="step"/>, or null when it is no approved destructive step.</summary>
    public static ApprovedDestructiveStep? For(string step) => Entries.FirstOrDefault(e => e.Step == step);

    /// <summary>
    /// Lets the step's own operation through the interlock for the calls made in this asynchronous flow until the scope is
    /// disposed: the caller has checked the approval (the authority policy's grant or an approver's recorded approval).
    /// </summary>
    public static IDisposable Enter(ApprovedDestructiveStep step)
    {
        var previous = Current.Value;
        Current.Value = step;
        return new Scope(() => Current.Value = previous);
    }

    /// <summary>Whether the operation is the approved step's whose scope the calling flow is in.</summary>
    public static bool AllowsNow(AwsOperation operation) => Current.Value is { } step && step.Operation.Key == operation.Key;

    private sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}

/// <summary>One destructive operation Shodo sends only as the named, approved step (<paramref name="Step"/>: the containment action).</summary>
public sealed record ApprovedDestructiveStep(string Step, AwsOperation Operation, string Why);
