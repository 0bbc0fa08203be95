using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Aws.Safety;

/// <summary>
/// The never-delete interlock: the one gate every AWS call passes before it leaves the process,
/// from SDK clients (<see cref="Sdk.InterlockPipelineHandler"/>) and hand-written clients
/// (<see cref="Protocols.AwsTransport"/>) alike. Read-only operations pass; a state-changing
/// operation passes only if it is on <see cref="MutationAllowlist"/>, or is the operation of the approved destructive step
/// (<see cref="ApprovedDestructiveSteps"/>) whose scope the call is made in; anything else is recorded
/// with the sink and refused with <see cref="ExitCode.Refused"/>.
/// </summary>
public sealed class Interlock(IRefusalSink sink, TimeProvider time)
{
    public static Interlock Default { get; } = new(NoRefusalSink.Instance, TimeProvider.System);

    public void Check(AwsOperation operation, string region)
    {
        if (operation.IsReadOnly || MutationAllowlist.Allows(operation) || ApprovedDestructiveSteps.AllowsNow(operation)) return;
        var reason = OperationVerbs.DestructiveVerb(operation.Name) is { } verb
            ? $"'{verb}' is a destructive verb; deleting is a human decision outside Shodo"
            : "it changes AWS state and is not on the never-delete allowlist";
        sink.Record(new RefusedCall(operation, region, time.GetUtcNow(), reason));
        throw new RefusedCallException(operation, region);
    }
}

/// <summary>A call the interlock refused; nothing was sent.</summary>
public sealed class RefusedCallException(AwsOperation operation, string region)
    : ShodoException(new Diagnostic(ExitCode.Refused, Messages.Get("InterlockRefused", operation.Key)))
{
    public AwsOperation Operation { get; } = operation;
    public string Region { get; } = region;
}
