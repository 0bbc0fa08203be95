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

    /// <summary>CloudTrail's readOnly: Get*, List*, Describe* by default.</summary>
    public virtual bool ReadOnly => ReadsOnly(Name);

    /// <summary>Whether an operation of this name only reads: Get*, List*, Describe*.</summary>
    public static bool ReadsOnly(string name) =>
        name.StartsWith("Get", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal)
        || name.StartsWith("Describe", StringComparison.Ordinal);

    /// <summary>The ARN the IAM action applies to ("*" when it has none).</summary>
    public virtual string Resource(AwsRequest request) => "*";

    public abstract AwsResponse Handle(AwsCall call);
}
