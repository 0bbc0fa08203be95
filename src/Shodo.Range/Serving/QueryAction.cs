using Shodo.Range.State;

namespace Shodo.Range.Serving;

/// <summary>
/// One operation of a Query-protocol service (IAM, STS): its name, whether it only reads, the
/// resource it acts on, and its handler, which runs under <see cref="RangeState.Sync"/>.
/// Adding an operation is one class deriving from this plus one line in the service's list.
/// </summary>
public abstract class QueryAction
{
    public abstract string Name { get; }

    /// <summary>CloudTrail's readOnly: Get*, List*, Describe* and Generate*Report by default.</summary>
    public virtual bool ReadOnly =>
        Name.StartsWith("Get", StringComparison.Ordinal) || Name.StartsWith("List", StringComparison.Ordinal)
        || Name.StartsWith("Describe", StringComparison.Ordinal);

    /// <summary>The ARN the IAM action applies to ("*" when it has none).</summary>
    public virtual string Resource(AwsRequest request) => "*";

    public abstract AwsResponse Handle(AwsCall call);
}
