using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Auth;

/// <summary>Decides whether the caller may perform the operation (identity policies; phase 2).</summary>
public sealed class Authorizer(RangeState state)
{
    public void Authorize(Caller caller, AwsOperation operation, DateTimeOffset now)
    {
        _ = state;
    }
}
