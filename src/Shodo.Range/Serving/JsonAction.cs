using System.Text.Json.Nodes;
using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>
/// One operation of a JSON 1.1 service (CloudTrail, Organizations): its name, whether it only reads, the resource it
/// acts on, and its handler from the parsed input to the output, which runs under <see cref="RangeState.Sync"/>.
/// Adding an operation is one class deriving from this (or the service's base over it) plus one line in the service's list.
/// </summary>
public abstract class JsonAction
{
    public abstract string Name { get; }

    /// <summary>CloudTrail's readOnly: Get*, List*, Describe* by default.</summary>
    public virtual bool ReadOnly => QueryAction.ReadsOnly(Name);

    /// <summary>The ARN the IAM action applies to ("*" when it has none).</summary>
    public virtual string Resource(AwsRequest request) => "*";

    public abstract JsonObject Handle(AwsCall call, JsonObject input);
}
