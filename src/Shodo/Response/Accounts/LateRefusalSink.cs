using Shodo.Aws.Safety;

namespace Shodo.Response.Accounts;

/// <summary>Where the interlock reports refusals for a member connection opened before its sub-case: the sub-case's journal once open.</summary>
internal sealed class LateRefusalSink : IRefusalSink
{
    public IRefusalSink Target { get; set; } = NoRefusalSink.Instance;
    public void Record(RefusedCall call) => Target.Record(call);
}
